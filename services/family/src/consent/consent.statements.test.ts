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
import { startFamilyService, type RunningFamilyService } from '../index';

/**
 * The consent, custody and civil-society fields of a family's members, and
 * sharing permissions for several persons, cost the same number of SQL
 * statements however many members, consents and activities there are.
 */
const { logger: sqlLogger, statements } = sqlStatementLog();
let db: TestDatabase;
let service: RunningFamilyService;
const caseworker = identity('FAMILY');

const as = async (query: string, variables: Record<string, unknown> = {}) => {
  const res = await postGraphQL(service.url, query, variables, await gatewayHeaders(caseworker));
  expect(res.errors).toBeUndefined();
  return res.data!;
};

/** A family of one parent and `children` children, each child with custody, consents, a legal basis and activities. */
async function familyWith(caseReference: string, children: number, partnerId: string): Promise<string> {
  const { createFamily } = await as(
    `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id role } } }`,
    {
      input: {
        caseReference,
        members: [
          { cpr: '120588-1234', firstName: 'Parent', lastName: caseReference, role: 'PARENT' },
          ...Array.from({ length: children }, (_, i) => ({
            cpr: `0${i + 1}0316456${i}`,
            firstName: `Child${i}`,
            lastName: caseReference,
            role: 'CHILD',
          })),
        ],
      },
    },
  );
  const members = createFamily.members as Array<{ id: string; role: string }>;
  const parent = members.find((m) => m.role === 'PARENT')!.id;
  for (const child of members.filter((m) => m.role === 'CHILD')) {
    await as(`mutation($input: SetCustodyHoldersInput!) { setCustodyHolders(input: $input) { id } }`, {
      input: { childId: child.id, holderIds: [parent] },
    });
    for (const categories of [['SOCIAL'], ['HEALTH']]) {
      await as(`mutation($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`, {
        input: {
          personId: child.id,
          givenById: parent,
          departments: ['JOBCENTER'],
          categories,
          purpose: 'Plan',
          validFrom: '2026-01-01',
        },
      });
    }
    await as(`mutation($input: RecordLegalBasisInput!) { recordLegalBasis(input: $input) { id } }`, {
      input: {
        personId: child.id,
        departments: ['HEALTH'],
        categories: ['SOCIAL'],
        code: 'SEL_49B',
        citation: 'Servicelovens § 49 b',
        validFrom: '2026-01-01',
      },
    });
    await as(`mutation($input: RecordParticipationInput!) { recordParticipation(input: $input) { id } }`, {
      input: { personId: child.id, partnerId, activity: 'Football', start: '2026-08-01', hoursPerWeek: 2 },
    });
  }
  return createFamily.id;
}

let familyIds: string[] = [];

const FAMILY_QUERY = `query($id: ID!) { family(id: $id) { members {
  custodyHolders { id } custodyOf { id }
  consents { id status givenBy { id } person { id } } active: consents(includeEnded: false) { id }
  legalBases { id status person { id } }
  civilSocietyParticipations { id partner { name municipality { name } } person { id } }
} } }`;

beforeAll(async () => {
  db = await createTestDatabase('family_consent');
  service = await startFamilyService(
    {
      ...testSubgraphConfig(db.url),
      CPR_ENCRYPTION_KEY: TEST_SECRETS.cprEncryptionKey,
      CPR_HASH_KEY: TEST_SECRETS.cprHashKey,
      CONSENT_OWN_AGE: 15,
    },
    { sqlLogger },
  );
  await postGraphQL(
    service.url,
    `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`,
    {},
    await gatewayHeaders(identity('FAMILY', { roles: ['ADMIN'] })),
  );
});

afterAll(async () => {
  await service?.close();
  await db?.drop();
});

it('reads members with custody, consents, legal bases and activities in a fixed number of statements', async () => {
  const { registerCivilSocietyPartner } = await as(
    `mutation { registerCivilSocietyPartner(input: { name: "Vejle Boldklub", kind: SPORTS_CLUB }) { id } }`,
  );
  const small = await familyWith('S-1', 1, registerCivilSocietyPartner.id);
  const large = await familyWith('L-1', 5, registerCivilSocietyPartner.id);
  familyIds = [small, large];

  statements.length = 0;
  const few = await as(FAMILY_QUERY, { id: small });
  const fewStatements = statements.length;
  statements.length = 0;
  const many = await as(FAMILY_QUERY, { id: large });
  expect(many.family.members).toHaveLength(6);
  expect(many.family.members.flatMap((m: { consents: unknown[] }) => m.consents)).toHaveLength(10);
  expect(few.family.members).toHaveLength(2);
  // Not growing with the family: batches may merge differently, so the larger family may even need fewer.
  expect(statements.length).toBeLessThanOrEqual(fewStatements);
  expect(many.family.members.map((m: { custodyOf: unknown[] }) => m.custodyOf.length).sort()).toEqual([
    0, 0, 0, 0, 0, 5,
  ]);
});

it('answers sharing permissions for several persons in a fixed number of statements', async () => {
  const persons: string[] = [];
  for (const id of familyIds) {
    const { family } = await as(`query($id: ID!) { family(id: $id) { members { id } } }`, { id });
    persons.push(...family.members.map((m: { id: string }) => m.id));
  }
  const ask = (ids: string[]) =>
    `{ ${ids
      .map(
        (id, i) =>
          `p${i}: sharingPermission(personId: "${id}", department: JOBCENTER, category: HEALTH) { allowed basis { kind consent { id } } }`,
      )
      .join(' ')} }`;
  statements.length = 0;
  await as(ask(persons.slice(0, 1)));
  const one = statements.length;
  statements.length = 0;
  const all = await as(ask(persons));
  expect(Object.values(all).filter((p: any) => p.allowed)).toHaveLength(6);
  expect(statements.length).toBeLessThanOrEqual(one);
});

it("answers the caller's access to many persons' health data in a fixed number of statements", async () => {
  const persons: string[] = [];
  for (const id of familyIds) {
    const { family } = await as(`query($id: ID!) { family(id: $id) { members { id } } }`, { id });
    persons.push(...family.members.map((m: { id: string }) => m.id));
  }
  const jobcenter = identity('JOBCENTER', { userId: '00000000-0000-4000-8000-0000000000aa' });
  const ask = async (ids: string[]) => {
    const res = await postGraphQL(
      service.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id
        accessForCaller(category: HEALTH) { familyId category department onTeam sharingAllowed isProjectLeadOfFamily } } } }`,
      { r: ids.map((id) => ({ __typename: 'Person', id })) },
      await gatewayHeaders(jobcenter),
    );
    expect(res.errors).toBeUndefined();
    return res.data!._entities as Array<{ accessForCaller: { sharingAllowed: boolean; onTeam: boolean } }>;
  };
  statements.length = 0;
  await ask(persons.slice(0, 1));
  const one = statements.length;
  statements.length = 0;
  const all = await ask(persons);
  expect(all.filter((p) => p.accessForCaller.sharingAllowed)).toHaveLength(6);
  expect(all.every((p) => !p.accessForCaller.onTeam)).toBe(true);
  expect(statements.length).toBeLessThanOrEqual(one);
});
