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

/** Teams and contact persons of many families are read with a fixed number of SQL statements. */
const { logger: sqlLogger, statements } = sqlStatementLog();

/** The request's audit rows are written in one transaction when it ends: a fixed number of statements, not counted here. */
const AUDIT_WRITE = /audit_event|^(START TRANSACTION|BEGIN|COMMIT)|pg_advisory_xact_lock|YYYY-MM-DD"T"HH24/;
const counted = (all: string[]) => all.filter((s) => !AUDIT_WRITE.test(s)).length;
let db: TestDatabase;
let service: RunningFamilyService;
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const caseworker = identity('FAMILY');

async function call(query: string, variables: Record<string, unknown> = {}) {
  const res = await postGraphQL(service.url, query, variables, await gatewayHeaders(caseworker));
  expect(res.errors).toBeUndefined();
  return res.data as any;
}

const caseworkerIds: string[] = [];

async function familyWithTeam(i: number) {
  const { createFamily } = await call(`mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id } }`, {
    input: {
      caseReference: `STMT-${i}`,
      enrolmentDate: '2026-01-01',
      members: [{ cpr: `0101903${String(i).padStart(3, '0')}`, firstName: 'P', lastName: `F${i}`, role: 'PARENT' }],
    },
  });
  const [first, second] = [caseworkerIds[i % 3]!, caseworkerIds[(i + 1) % 3]!];
  // The caller (Fie) is on every family's team (the team rule).
  await call(`mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`, {
    input: { familyId: createFamily.id, caseworkerId: caseworker.userId, from: '2026-01-01' },
  });
  await call(`mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`, {
    input: { familyId: createFamily.id, caseworkerId: first, from: '2026-01-01' },
  });
  for (const [caseworkerId, from] of [
    [first, '2026-01-01'],
    [second, '2026-06-01'],
  ]) {
    await call(`mutation($input: SetContactPersonInput!) { setContactPerson(input: $input) { id } }`, {
      input: { familyId: createFamily.id, caseworkerId, from },
    });
  }
}

beforeAll(async () => {
  db = await createTestDatabase('family_team');
  service = await startFamilyService(
    {
      ...testSubgraphConfig(db.url),
      CPR_ENCRYPTION_KEY: TEST_SECRETS.cprEncryptionKey,
      CPR_HASH_KEY: TEST_SECRETS.cprHashKey,
    },
    { sqlLogger },
  );
  await postGraphQL(
    service.url,
    `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`,
    {},
    await gatewayHeaders(admin),
  );
  for (const name of ['Anna', 'Jens', 'Sara']) {
    const res = await postGraphQL(
      service.url,
      `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
      { input: { name, email: `${name}@example.dk`, department: 'FAMILY' } },
      await gatewayHeaders(admin),
    );
    caseworkerIds.push((res.data as any).registerCaseworker.id);
  }
  const fie = await postGraphQL(
    service.url,
    `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
    { input: { name: 'Fie', email: 'fie@example.dk', department: 'FAMILY' } },
    await gatewayHeaders(admin),
  );
  caseworker.userId = (fie.data as any).registerCaseworker.id;
});

afterAll(async () => {
  await service?.close();
  await db?.drop();
});

it('reads the team, contact person and contact-person history of many families in a fixed number of statements', async () => {
  const query = `{ families(first: 200) { edges { node { caseReference
    team(includeEnded: true) { caseworker { name } family { id } }
    contactPerson { name }
    contactPersonHistory { caseworker { name } family { id } }
    members { firstName } formerMembers { firstName } } } } }`;
  for (const i of [1, 2]) await familyWithTeam(i);
  statements.length = 0;
  const small = await call(query);
  const fewFamilies = counted(statements);
  expect(small.families.edges).toHaveLength(2);

  for (const i of [3, 4, 5, 6]) await familyWithTeam(i);
  statements.length = 0;
  const large = await call(query);
  expect(large.families.edges).toHaveLength(6);
  // Fie, the caller, is on every team besides the two the families were given.
  const team = large.families.edges.flatMap((e: any) => e.node.team);
  expect(team.filter((m: any) => m.caseworker.name !== 'Fie')).toHaveLength(12);
  expect(large.families.edges.flatMap((e: any) => e.node.contactPersonHistory)).toHaveLength(12);
  expect(large.families.edges.every((e: any) => e.node.contactPerson !== null)).toBe(true);
  expect(counted(statements)).toBeLessThanOrEqual(fewFamilies);
  // The page, then one statement each for teams, contact persons, members and former members, and the
  // caseworkers in two batches (the policy's check before each team field resolves splits the batch).
  expect(fewFamilies).toBeLessThanOrEqual(7);
});
