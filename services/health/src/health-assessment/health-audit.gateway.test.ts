import { startTestStack, type TestStack } from '@helhed/devstack';
import { identity, queryDatabase } from '@helhed/testing';

/** Every read of a person's health data through the graph leaves exactly one audit row per person and request. */
let stack: TestStack;
let personIds: string[];
const health = identity('HEALTH', { userId: 'coordinator-1' }); // registered below, on the family's team
const jobconsultant = identity('JOBCENTER', { userId: 'jobconsultant-1' }); // likewise, with no consent for HEALTH
const offTeam = identity('JOBCENTER', { userId: 'jobconsultant-2' }); // registered below, not on the team
const healthOffTeam = identity('HEALTH', { userId: 'coordinator-2' }); // registered below, not on the team

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
  // The first two callers are registered caseworkers on the family's team (the family subgraph's team rule), the
  // other two registered caseworkers of the municipality not on it.
  for (const [who, name] of [
    [health, 'Sara'],
    [jobconsultant, 'Jens'],
    [offTeam, 'Ole'],
    [healthOffTeam, 'Karen'],
  ] as const) {
    const { registerCaseworker } = await stack.graph.request(
      identity('FAMILY', { roles: ['ADMIN'] }),
      `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
      { input: { name, email: `${name.toLowerCase()}@example.dk`, department: who.department } },
    );
    who.userId = registerCaseworker.id;
    if (who === offTeam || who === healthOffTeam) continue;
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

// famrules made `jobconsultant` a registered team member, so this test's caller (named "off the team") was on the
// team and saw the dates; a team member without a consent sees the dates only, and only they are audited.
it('audits only the dates a team member without a consent for HEALTH sees', async () => {
  const before = (await auditRows()).length;
  const res = await stack.post(
    jobconsultant,
    `{ familyByCaseReference(caseReference: "H-1") { members { healthAssessments { assessedOn summaryForTeam } } } }`,
  );
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  expect(
    res.data?.familyByCaseReference.members.map((m: { healthAssessments: unknown[] }) => m.healthAssessments),
  ).toEqual([
    [{ assessedOn: '2026-04-10', summaryForTeam: null }],
    [{ assessedOn: '2026-04-10', summaryForTeam: null }],
  ]);
  const reads = (await auditRows()).slice(before);
  expect(reads.map((r) => [r.user_id, r.operation, r.field_paths.sort()])).toEqual([
    [jobconsultant.userId, 'READ', ['_entities.healthAssessments', '_entities.healthAssessments.assessedOn']],
    [jobconsultant.userId, 'READ', ['_entities.healthAssessments', '_entities.healthAssessments.assessedOn']],
  ]);
});

// The team rule (issue 9): off the team, a health coordinator too (before it, the HEALTH department read every
// person's health data), a caseworker sees nothing of the family's health data, not even the dates.
it('audits nothing for a caseworker or a health coordinator off the team, who see no health data (not even the dates)', async () => {
  for (const caller of [offTeam, healthOffTeam]) {
    const before = (await auditRows()).length;
    const res = await stack.post(
      caller,
      `{ familyByCaseReference(caseReference: "H-1") { members { healthAssessments { assessedOn summaryForTeam } } } }`,
    );
    expect(res.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(JSON.stringify(res.data)).not.toMatch(/2026-04-10|Summary/);
    const byId = await stack.post(caller, `query($id: ID!) { person(id: $id) { healthAssessments { assessedOn } } }`, {
      id: personIds[0],
    });
    expect(byId.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(JSON.stringify(byId.data)).not.toMatch(/2026-04-10/);
    expect((await auditRows()).slice(before)).toEqual([]);
  }
});
