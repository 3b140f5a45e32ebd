import { randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  gatewayHeaders,
  identity,
  postGraphQL,
  queryDatabase,
  sqlStatementLog,
  testSubgraphConfig,
  type TestDatabase,
  startFamilyStandIn,
  type FamilyStandIn,
} from '@helhed/testing';
import { startEmploymentService, type RunningEmploymentService } from './index';

const RECORD = `mutation($input: RecordBenefitPeriodInput!) {
  recordBenefitPeriod(input: $input) { id type from to person { id } }
}`;
const PERIODS_OF = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on Person { id benefitPeriods { type from to } } }
}`;
const PERIOD = `query($id: ID!) { benefitPeriod(id: $id) { id type from to person { id } } }`;

const { logger: sqlLogger, statements } = sqlStatementLog();

describe('employment subgraph', () => {
  let db: TestDatabase;
  let service: RunningEmploymentService;
  let family: FamilyStandIn;
  const jobcenter = identity('JOBCENTER');

  beforeAll(async () => {
    db = await createTestDatabase('employment');
    // The family subgraph's team and consent answer is stood in for (rows are seeded straight into the tables).
    family = await startFamilyStandIn();
    service = await startEmploymentService(
      { ...testSubgraphConfig(db.url), FAMILY_SUBGRAPH_URL: family.url } as Parameters<
        typeof startEmploymentService
      >[0],
      { sqlLogger },
    );
  });

  afterAll(async () => {
    await service?.close();
    await family?.close();
    await db?.drop();
  });

  const record = async (input: Record<string, unknown>, who = jobcenter) =>
    postGraphQL(service.url, RECORD, { input }, await gatewayHeaders(who));
  const periodsOf = async (personIds: string[], who = jobcenter) =>
    postGraphQL(
      service.url,
      PERIODS_OF,
      { r: personIds.map((id) => ({ __typename: 'Person', id })) },
      await gatewayHeaders(who),
    );
  const rowsOf = (personId: string) =>
    queryDatabase(db.url, 'SELECT * FROM benefit_period WHERE person_id = $1', [personId]);

  /** Periods are written straight to the table here: recording one asks the family subgraph (see benefit-period.gateway.test.ts). */
  const seed = async (personId: string, type: string, from: string, to: string | null = null, municipality = '630') => {
    const [row] = await queryDatabase(
      db.url,
      `INSERT INTO benefit_period (person_id, municipality_code, type, from_date, to_date, recorded_by)
       VALUES ($1, $2, $3, $4, $5, 'seed') RETURNING id`,
      [personId, municipality, type, from, to],
    );
    return row!.id as string;
  };

  it('reads benefit periods back on the person, oldest first, and one by id', async () => {
    const personId = randomUUID();
    await seed(personId, 'SYGEDAGPENGE', '2026-03-01');
    const earlierId = await seed(personId, 'KONTANTHJAELP', '2025-06-01', '2026-02-28');

    const read = await periodsOf([personId]);
    expect(read.errors).toBeUndefined();
    expect(read.data?._entities).toEqual([
      {
        id: personId,
        benefitPeriods: [
          { type: 'KONTANTHJAELP', from: '2025-06-01', to: '2026-02-28' },
          { type: 'SYGEDAGPENGE', from: '2026-03-01', to: null },
        ],
      },
    ]);

    const byId = await postGraphQL(service.url, PERIOD, { id: earlierId }, await gatewayHeaders(jobcenter));
    expect(byId.data?.benefitPeriod).toEqual({
      id: earlierId,
      type: 'KONTANTHJAELP',
      from: '2025-06-01',
      to: '2026-02-28',
      person: { id: personId },
    });
  });

  it('reads the periods of many persons with one statement', async () => {
    const personIds = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const [i, personId] of personIds.entries()) await seed(personId, 'UDDANNELSESHJAELP', `2026-0${i + 1}-01`);
    statements.length = 0;
    const read = await periodsOf(personIds);
    expect(read.errors).toBeUndefined();
    expect(read.data?._entities.map((p: { benefitPeriods: unknown[] }) => p.benefitPeriods.length)).toEqual([
      1, 1, 1, 1,
    ]);
    expect(statements.filter((s) => /benefit_period/.test(s))).toHaveLength(1);
  });

  it('refuses an end date before the start date and writes nothing', async () => {
    const personId = randomUUID();
    const result = await record({ personId, type: 'KONTANTHJAELP', from: '2026-03-01', to: '2026-02-01' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.to' });
    expect(result.errors?.[0]?.message).toMatch(/end date is before the start date/);
    expect(await rowsOf(personId)).toHaveLength(0);
  });

  it('refuses a person id that is not a UUID', async () => {
    const result = await record({ personId: 'not-a-uuid', type: 'KONTANTHJAELP', from: '2026-03-01' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.personId' });
  });

  it('lets only the jobcenter record benefit periods', async () => {
    const personId = randomUUID();
    const result = await record({ personId, type: 'KONTANTHJAELP', from: '2026-03-01' }, identity('FAMILY'));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await rowsOf(personId)).toHaveLength(0);
  });

  it('shows another municipality nothing', async () => {
    const personId = randomUUID();
    const recordedId = await seed(personId, 'FLEKSJOB', '2026-01-01');
    const elsewhere = identity('JOBCENTER', { municipality: '101' });

    const read = await periodsOf([personId], elsewhere);
    expect(read.errors).toBeUndefined();
    expect(read.data?._entities).toEqual([{ id: personId, benefitPeriods: [] }]);

    const byId = await postGraphQL(service.url, PERIOD, { id: recordedId }, await gatewayHeaders(elsewhere));
    expect(byId.errors).toBeUndefined();
    expect(byId.data?.benefitPeriod).toBeNull();
  });

  it('shows a national monitor no person', async () => {
    const read = await periodsOf([randomUUID()], identity('JOBCENTER', { roles: ['NATIONAL_MONITOR'] }));
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a request that did not come through the gateway', async () => {
    const result = await postGraphQL(service.url, PERIODS_OF, { r: [{ __typename: 'Person', id: randomUUID() }] });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
