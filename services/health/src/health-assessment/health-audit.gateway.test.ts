import { startTestStack, type TestStack } from '@helhed/devstack';
import { identity, queryDatabase } from '@helhed/testing';

/** Every read of a person's health data through the graph leaves exactly one audit row per person and request. */
let stack: TestStack;
let personIds: string[];
const health = identity('HEALTH', { userId: 'coordinator-1' }); // registered below, on the family's team
const jobconsultant = identity('JOBCENTER', { userId: 'jobconsultant-1' }); // likewise, with no consent for HEALTH

const auditRows = () =>
  queryDatabase<{ person_id: string; operation: string; user_id: string; field_paths: string[]; request_id: string }>(
    stack.databases.health.url,
    'SELECT person_id, operation, user_id, field_paths, request_id FROM audit_event ORDER BY id',
  );

beforeAll(async () => {
  stack = await startTestStack();
  await stack.graph.request(
    identity('FAMILY', { roles: ['ADMIN'] }),
    `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`,
  );
  const { createFamily } = await stack.graph.request(
    identity('FAMILY'),
    `mutation { createFamily(input: { caseReference: "H-1", members: [
      { cpr: "1205881234", firstName: "Mette", lastName: "J", role: PARENT },
      { cpr: "0303124567", firstName: "Emil", lastName: "J", role: CHILD } ] }) { id members { id } } }`,
  );
  personIds = createFamily.members.map((m: { id: string }) => m.id);
  // Both callers are registered caseworkers on the family's team (the family subgraph's team rule).
  for (const [who, name] of [
    [health, 'Sara'],
    [jobconsultant, 'Jens'],
  ] as const) {
    const { registerCaseworker } = await stack.graph.request(
      identity('FAMILY', { roles: ['ADMIN'] }),
      `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
      { input: { name, email: `${name.toLowerCase()}@example.dk`, department: who.department } },
    );
    who.userId = registerCaseworker.id;
    await stack.graph.request(
      identity('FAMILY'),
      `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`,
      { input: { familyId: createFamily.id, caseworkerId: registerCaseworker.id, from: '2026-01-01' } },
    );
  }
  for (const personId of personIds) {
    await stack.graph.request(
      health,
      `mutation($input: RecordHealthAssessmentInput!) { recordHealthAssessment(input: $input) { id } }`,
      { input: { personId, assessedOn: '2026-04-10', summaryForTeam: 'Summary' } },
    );
  }
}, 60_000);

afterAll(async () => {
  await stack?.close();
}, 30_000);

it('records each creation, and one READ row per person for a query that reads them twice under aliases', async () => {
  const created = await auditRows();
  expect(created.map((r) => r.operation)).toEqual(['CREATE', 'CREATE']);

  const { familyByCaseReference } = await stack.graph.request(
    health,
    `{ familyByCaseReference(caseReference: "H-1") { members {
        first: healthAssessments { summaryForTeam } again: healthAssessments { assessedOn } } } }`,
  );
  expect(familyByCaseReference.members).toHaveLength(2);
  const reads = (await auditRows()).filter((r) => r.operation === 'READ');
  expect(reads).toHaveLength(2);
  expect(reads.map((r) => r.person_id).sort()).toEqual([...personIds].sort());
  expect(new Set(reads.map((r) => r.request_id)).size).toBe(1);
  expect(reads[0]!.user_id).toBe(health.userId);
  expect(reads[0]!.field_paths.sort()).toEqual([
    '_entities.again',
    '_entities.again.assessedOn',
    '_entities.first',
    '_entities.first.summaryForTeam',
  ]);
});

it('writes nothing for a refused read', async () => {
  const before = (await auditRows()).length;
  const res = await stack.post(
    identity('JOBCENTER'),
    `{ familyByCaseReference(caseReference: "H-1") { members { referrals { sentOn } } } }`,
  );
  expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(await auditRows()).toHaveLength(before);
});

it('audits nothing for a caseworker off the team, who sees no health data (not even the dates)', async () => {
  const before = (await auditRows()).length;
  const res = await stack.post(
    jobconsultant,
    `{ familyByCaseReference(caseReference: "H-1") { members { healthAssessments { assessedOn summaryForTeam } } } }`,
  );
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  expect((await auditRows()).slice(before)).toEqual([]);
});
