import {
  createTestDatabase,
  gatewayHeaders,
  identity,
  postGraphQL,
  sqlStatementLog,
  TEST_SECRETS,
  testSubgraphConfig,
  type TestDatabase,
} from '@helhed/testing';
import { startFamilyService, type RunningFamilyService } from './index';

const { logger: sqlLogger, statements } = sqlStatementLog();

describe('family subgraph', () => {
  let db: TestDatabase;
  let service: RunningFamilyService;
  const admin = identity('FAMILY', { roles: ['ADMIN'] });
  const caseworker = identity('FAMILY');
  const as = async (who: typeof caseworker, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL(service.url, query, variables, await gatewayHeaders(who));

  beforeAll(async () => {
    db = await createTestDatabase('family');
    service = await startFamilyService(
      {
        ...testSubgraphConfig(db.url),
        CPR_ENCRYPTION_KEY: TEST_SECRETS.cprEncryptionKey,
        CPR_HASH_KEY: TEST_SECRETS.cprHashKey,
      },
      { sqlLogger },
    );
    await as(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  });

  afterAll(async () => {
    await service?.close();
    await db?.drop();
  });

  const createFamily = (caseReference: string, children: number) =>
    as(caseworker, `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id } }`, {
      input: {
        caseReference,
        members: [
          { cpr: '0101901234', firstName: 'Parent', lastName: caseReference, role: 'PARENT' },
          ...Array.from({ length: children }, (_, i) => ({
            cpr: `0${i + 1}0${(i % 8) + 1}15400${i}`,
            firstName: `Child${i}`,
            lastName: caseReference,
            role: 'CHILD',
          })),
        ],
      },
    });

  it('reads a list of families with members and municipality in a fixed number of statements', async () => {
    const query = `{ families { edges { node { caseReference municipality { name } members { firstName cprMasked age family { id } } } } } }`;
    for (const [ref, children] of [
      ['F-1', 1],
      ['F-2', 3],
    ] as const) {
      expect((await createFamily(ref, children)).errors).toBeUndefined();
    }
    statements.length = 0;
    const small = await as(caseworker, query);
    const fewFamilies = statements.length;
    expect(small.data?.families.edges).toHaveLength(2);

    for (const [ref, children] of [
      ['F-3', 2],
      ['F-4', 4],
      ['F-5', 1],
    ] as const) {
      expect((await createFamily(ref, children)).errors).toBeUndefined();
    }
    statements.length = 0;
    const large = await as(caseworker, query);
    expect(large.data?.families.edges).toHaveLength(5);
    expect(large.data?.families.edges.flatMap((e: { node: { members: unknown[] } }) => e.node.members)).toHaveLength(
      16,
    );
    expect(statements.length).toBeLessThanOrEqual(fewFamilies);
  });

  it('refuses a case reference already used, with its field, and writes nothing', async () => {
    const res = await createFamily('F-1', 1);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.caseReference' });
    const { data } = await as(caseworker, `{ families(first: 100) { edges { node { id } } } }`);
    expect(data?.families.edges).toHaveLength(5);
  });

  it('keeps who created the family and its members, without CPR numbers, in its history', async () => {
    const { data } = await as(
      caseworker,
      `{ families(first: 1) { edges { node { id history { edges { node { by operation entity after } } pageInfo { hasNextPage } } } } } }`,
    );
    const history = data?.families.edges[0].node.history;
    expect(history.edges.map((e: any) => [e.node.operation, e.node.entity, e.node.by])).toEqual(
      expect.arrayContaining([
        ['CREATE', 'Family', caseworker.userId],
        ['CREATE', 'Person', caseworker.userId],
      ]),
    );
    const text = JSON.stringify(history);
    expect(text).not.toMatch(/cpr(Encrypted|Hash)/);
    expect(text).not.toContain('0101901234');
  });

  it('lets only the family department create families and only administrators register municipalities', async () => {
    const jobcenter = identity('JOBCENTER');
    const res = await as(jobcenter, `mutation { createFamily(input: { caseReference: "X-1", members: [] }) { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reg = await as(caseworker, `mutation { registerMunicipality(input: { code: "630", name: "X" }) { code } }`);
    expect(reg.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
