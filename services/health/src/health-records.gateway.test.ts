/** @clock-sensitive new-year */
import { startTestStack, type TestStack } from '@helhed/devstack';
import type { Identity } from '@helhed/identity';
import { identity, queryDatabase } from '@helhed/testing';
import { todayInDenmark } from './dates';

/** Referrals and the health part of the monthly registration, through the gateway against real PostgreSQL. */
let stack: TestStack;
let parentId: string;
let childId: string;
const health = identity('HEALTH', { userId: 'coordinator-1' }); // registered below, on the family's team
const jobcenter = identity('JOBCENTER');

const SEND = `mutation($input: SendReferralInput!) { sendReferral(input: $input) { id to sentOn waitingDays waiting } }`;
const UPDATE = `mutation($input: UpdateReferralInput!) {
  updateReferral(input: $input) { id acceptedOn firstAppointmentOn closedOn closeReason waitingDays waiting } }`;
const RECORD = `mutation($input: RecordHealthIndicatorsInput!) { recordHealthIndicators(input: $input) {
  month who5Raw who5Index who5BelowFifty who5BelowTwentyEight selfRatedHealth inTreatment attendingAsPlanned recordedAt } }`;

const TABLES = ['referral', 'health_indicators', 'treatment_details', 'change_record', 'audit_event'];
const rowCounts = async () => {
  const [row] = await queryDatabase(
    stack.databases.health.url,
    `SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`,
  );
  return row as Record<string, number>;
};
const auditRows = () =>
  queryDatabase<{ person_id: string; operation: string; field_paths: string[] }>(
    stack.databases.health.url,
    'SELECT person_id, operation, field_paths FROM audit_event ORDER BY id',
  );

/** A mutation that must be refused with BAD_USER_INPUT at `field`, writing nothing (no audit row either). */
async function refused(query: string, input: Record<string, unknown>, field: string, who: Identity = health) {
  const before = await rowCounts();
  const res = await stack.post(who, query, { input });
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(await rowCounts()).toEqual(before);
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const monthsAgo = (n: number) => {
  const [y, m] = todayInDenmark().split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return d.toISOString().slice(0, 7);
};

beforeAll(async () => {
  stack = await startTestStack();
  await stack.graph.request(
    identity('FAMILY', { roles: ['ADMIN'] }),
    `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`,
  );
  const { createFamily } = await stack.graph.request(
    identity('FAMILY'),
    `mutation { createFamily(input: { caseReference: "H-2", members: [
      { cpr: "1205881234", firstName: "Mette", lastName: "J", role: PARENT },
      { cpr: "0303124567", firstName: "Emil", lastName: "J", role: CHILD } ] }) { id members { id } } }`,
  );
  [parentId, childId] = createFamily.members.map((m: { id: string }) => m.id);
  // The coordinator is a registered caseworker on the family's team (the family subgraph's team rule).
  const { registerCaseworker } = await stack.graph.request(
    identity('FAMILY', { roles: ['ADMIN'] }),
    `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
    { input: { name: 'Sara', email: 'sara@example.dk', department: 'HEALTH' } },
  );
  health.userId = registerCaseworker.id;
  await stack.graph.request(
    identity('FAMILY'),
    `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`,
    { input: { familyId: createFamily.id, caseworkerId: registerCaseworker.id, from: '2026-01-01' } },
  );
}, 60_000);

afterAll(async () => {
  await stack?.close();
}, 30_000);

describe('referrals', () => {
  let referralId: string;

  it('sends a referral that waits until today, then counts to the first appointment', async () => {
    const today = todayInDenmark();
    const sentOn = '2026-09-01';
    const { sendReferral } = await stack.graph.request(health, SEND, {
      input: { personId: parentId, to: 'PSYCHIATRY', sentOn },
    });
    referralId = sendReferral.id;
    expect(sendReferral).toMatchObject({ to: 'PSYCHIATRY', sentOn, waiting: true });
    expect(sendReferral.waitingDays).toBe(dayNumber(today) - dayNumber(sentOn));

    const { updateReferral } = await stack.graph.request(health, UPDATE, {
      input: { referralId, acceptedOn: '2026-09-08', firstAppointmentOn: '2026-10-13' },
    });
    expect(updateReferral).toMatchObject({ acceptedOn: '2026-09-08', firstAppointmentOn: '2026-10-13' });
    expect(updateReferral).toMatchObject({ waitingDays: 42, waiting: false });

    const history = await queryDatabase(
      stack.databases.health.url,
      `SELECT operation, before->>'acceptedOn' AS before_accepted, after->>'acceptedOn' AS after_accepted
         FROM change_record WHERE entity = 'Referral' AND entity_id = $1 ORDER BY id`,
      [referralId],
    );
    expect(history).toEqual([
      { operation: 'CREATE', before_accepted: null, after_accepted: null },
      { operation: 'UPDATE', before_accepted: null, after_accepted: '2026-09-08' },
    ]);
  });

  it('refuses a referral closed before it was sent, an unknown person and a non-health caller, writing nothing', async () => {
    await refused(UPDATE, { referralId, closedOn: '2026-08-31' }, 'input.closedOn');
    await refused(
      SEND,
      { personId: '00000000-0000-4000-8000-000000000000', to: 'GP', sentOn: '2026-09-01' },
      'input.personId',
    );
    const before = await rowCounts();
    const res = await stack.post(jobcenter, SEND, { input: { personId: parentId, to: 'GP', sentOn: '2026-09-01' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await rowCounts()).toEqual(before);
  });

  it("lists a person's referrals through the family's members, batched", async () => {
    await stack.graph.request(health, SEND, {
      input: { personId: childId, to: 'CHILD_AND_ADOLESCENT_PSYCHIATRY', sentOn: '2026-10-01' },
    });
    const { familyByCaseReference } = await stack.graph.request(
      health,
      `{ familyByCaseReference(caseReference: "H-2") { members { id referrals { to person { id } } } } }`,
    );
    const byPerson = Object.fromEntries(
      familyByCaseReference.members.map((m: { id: string; referrals: Array<{ to: string }> }) => [
        m.id,
        m.referrals.map((r) => r.to),
      ]),
    );
    expect(byPerson).toEqual({ [parentId]: ['PSYCHIATRY'], [childId]: ['CHILD_AND_ADOLESCENT_PSYCHIATRY'] });
  });
});

describe('health indicators', () => {
  const month = monthsAgo(1);
  const base = { personId: '', month, selfRatedHealth: 3, inTreatment: true, attendingAsPlanned: true };

  it('scores WHO-5 at the boundaries of both flags', async () => {
    const cases = [
      { items: [3, 3, 2, 2, 2], raw: 12, index: 48, below50: true, below28: false, month: monthsAgo(4) },
      { items: [3, 3, 3, 2, 2], raw: 13, index: 52, below50: false, below28: false, month: monthsAgo(3) },
      { items: [2, 1, 1, 1, 1], raw: 6, index: 24, below50: true, below28: true, month: monthsAgo(2) },
      { items: [2, 2, 1, 1, 1], raw: 7, index: 28, below50: true, below28: false, month },
    ];
    for (const c of cases) {
      const { recordHealthIndicators } = await stack.graph.request(health, RECORD, {
        input: { ...base, personId: parentId, month: c.month, who5Items: c.items },
      });
      expect(recordHealthIndicators).toMatchObject({
        month: c.month,
        who5Raw: c.raw,
        who5Index: c.index,
        who5BelowFifty: c.below50,
        who5BelowTwentyEight: c.below28,
      });
    }
  });

  it('re-records a month, keeping the old values in the history, and reads a range of months', async () => {
    await stack.graph.request(health, RECORD, {
      input: { ...base, personId: parentId, who5Items: [4, 4, 4, 4, 4], selfRatedHealth: 4 },
    });
    const { familyByCaseReference } = await stack.graph.request(
      health,
      `query($from: YearMonth, $to: YearMonth) { familyByCaseReference(caseReference: "H-2") { members { id
        healthIndicators(from: $from, to: $to) { month who5Index selfRatedHealth } } } }`,
      { from: monthsAgo(2), to: month },
    );
    const parent = familyByCaseReference.members.find((m: { id: string }) => m.id === parentId);
    expect(parent.healthIndicators).toEqual([
      { month: monthsAgo(2), who5Index: 24, selfRatedHealth: 3 },
      { month, who5Index: 80, selfRatedHealth: 4 },
    ]);
    const history = await queryDatabase(
      stack.databases.health.url,
      `SELECT operation, before->'who5Items' AS before_items, after->'who5Items' AS after_items FROM change_record
        WHERE entity = 'HealthIndicators' AND after->>'month' = $1 ORDER BY id`,
      [month],
    );
    expect(history).toEqual([
      { operation: 'CREATE', before_items: null, after_items: [2, 2, 1, 1, 1] },
      { operation: 'UPDATE', before_items: [2, 2, 1, 1, 1], after_items: [4, 4, 4, 4, 4] },
    ]);
  });

  it('refuses an item outside 0–5, a future month and an unknown person, writing nothing', async () => {
    await refused(RECORD, { ...base, personId: parentId, who5Items: [3, 3, 6, 3, 3] }, 'input.who5Items[2]');
    await refused(
      RECORD,
      { ...base, personId: parentId, month: monthsAgo(-1), who5Items: [3, 3, 3, 3, 3] },
      'input.month',
    );
    await refused(
      RECORD,
      { ...base, personId: '00000000-0000-4000-8000-000000000000', who5Items: [3, 3, 3, 3, 3] },
      'input.personId',
    );
  });
});

describe('treatment on the plan', () => {
  const admin = identity('FAMILY', { roles: ['ADMIN'] });
  const familyDept = identity('FAMILY');
  const DETAILS = `mutation($input: RecordTreatmentDetailsInput!) { recordTreatmentDetails(input: $input) {
    id treatment { provider frequency sessionsPlanned sessionsAttended attendancePercent person { id } } } }`;
  const SESSIONS = `mutation($input: RecordTreatmentSessionsInput!) { recordTreatmentSessions(input: $input) {
    id treatment { sessionsPlanned sessionsAttended attendancePercent } } }`;
  let memberId: string;
  let otherMemberId: string;
  let healthActivity: string;
  let jobActivity: string;

  beforeAll(async () => {
    const register = async (name: string, department: string) =>
      (
        await stack.graph.request(
          admin,
          `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
          {
            input: { name, email: `${name.toLowerCase().replace(/ /g, '.')}@example.dk`, department },
          },
        )
      ).registerCaseworker.id as string;
    const coordinator = await register('Sara Sundhed', 'HEALTH');
    const jobConsultant = await register('Jens Job', 'JOBCENTER');
    const { createFamily } = await stack.graph.request(
      familyDept,
      `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id } } }`,
      {
        input: {
          caseReference: 'H-3',
          enrolmentDate: '2026-01-05',
          members: [
            { cpr: '0101851234', firstName: 'Anna', lastName: 'K', role: 'PARENT' },
            { cpr: '0202861234', firstName: 'Bo', lastName: 'K', role: 'PARENT' },
          ],
        },
      },
    );
    [memberId, otherMemberId] = createFamily.members.map((m: { id: string }) => m.id);
    await stack.graph.request(
      familyDept,
      `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`,
      { input: { familyId: createFamily.id, caseworkerId: health.userId, from: '2026-01-05' } },
    );
    const { createFamilyPlan } = await stack.graph.request(
      familyDept,
      `mutation($input: CreateFamilyPlanInput!) { createFamilyPlan(input: $input) { id } }`,
      {
        input: {
          familyId: createFamily.id,
          startsOn: '2026-01-01',
          followUpCadenceWeeks: 8,
          phases: [{ name: 'Fase 1', startsOn: '2026-01-01', endsOn: '2026-12-31', focus: 'Sundhed' }],
          goals: [{ memberId, description: 'Stabil i behandling', targetDate: '2026-12-31' }],
        },
      },
    );
    const addActivity = async (department: string, sectorPlanKind: string, responsibleCaseworkerId: string) =>
      (
        await stack.graph.request(
          familyDept,
          `mutation($input: AddPlanActivityInput!) { addPlanActivity(input: $input) { id } }`,
          {
            input: {
              planId: createFamilyPlan.id,
              department,
              sectorPlanKind,
              memberIds: [memberId],
              offerDescription: 'Forløb',
              startsOn: '2026-03-02',
              endsOn: '2026-08-28',
              hoursPerWeek: 2,
              responsibleCaseworkerId,
              followUpCadenceWeeks: 4,
            },
          },
        )
      ).addPlanActivity.id as string;
    healthActivity = await addActivity('HEALTH', 'BEHANDLINGSPLAN', coordinator);
    jobActivity = await addActivity('JOBCENTER', 'JOBPLAN', jobConsultant);
  }, 60_000);

  it('records treatment details and attended sessions, shown on the plan activity', async () => {
    const { recordTreatmentDetails } = await stack.graph.request(health, DETAILS, {
      input: {
        planActivityId: healthActivity,
        personId: memberId,
        provider: 'Rusmiddelcentret',
        frequency: 'Weekly',
        sessionsPlanned: 10,
      },
    });
    expect(recordTreatmentDetails.treatment).toEqual({
      provider: 'Rusmiddelcentret',
      frequency: 'Weekly',
      sessionsPlanned: 10,
      sessionsAttended: 0,
      attendancePercent: 0,
      person: { id: memberId },
    });
    // The first record creates the details; recorded again, it changes them.
    expect((await auditRows()).filter((r) => r.operation !== 'READ').at(-1)).toMatchObject({
      operation: 'CREATE',
      field_paths: ['recordTreatmentDetails'],
    });
    await stack.graph.request(health, DETAILS, {
      input: {
        planActivityId: healthActivity,
        personId: memberId,
        provider: 'Rusmiddelcentret',
        frequency: 'Weekly',
        sessionsPlanned: 10,
      },
    });
    expect((await auditRows()).filter((r) => r.operation !== 'READ').at(-1)).toMatchObject({
      operation: 'UPDATE',
      field_paths: ['recordTreatmentDetails'],
    });
    const { recordTreatmentSessions } = await stack.graph.request(health, SESSIONS, {
      input: { planActivityId: healthActivity, sessionsAttended: 7, sessionsPlanned: 8 },
    });
    expect(recordTreatmentSessions.treatment).toEqual({
      sessionsPlanned: 8,
      sessionsAttended: 7,
      attendancePercent: 88,
    });

    const { familyByCaseReference } = await stack.graph.request(
      health,
      `{ familyByCaseReference(caseReference: "H-3") { plan { activities { id treatment { sessionsAttended } } } } }`,
    );
    const byId = Object.fromEntries(
      familyByCaseReference.plan.activities.map((a: { id: string; treatment: unknown }) => [a.id, a.treatment]),
    );
    expect(byId).toEqual({ [healthActivity]: { sessionsAttended: 7 }, [jobActivity]: null });
  });

  it('refuses a non-HEALTH activity, a non-member and sessions before details, writing nothing', async () => {
    const input = {
      planActivityId: jobActivity,
      personId: memberId,
      provider: 'X',
      frequency: 'Weekly',
      sessionsPlanned: 4,
    };
    await refused(DETAILS, input, 'input.planActivityId');
    await refused(DETAILS, { ...input, planActivityId: healthActivity, personId: otherMemberId }, 'input.personId');
    await refused(SESSIONS, { planActivityId: jobActivity, sessionsAttended: 1 }, 'input.planActivityId');
    await refused(SESSIONS, { planActivityId: healthActivity, sessionsAttended: -1 }, 'input.sessionsAttended');
  });
});

describe('audit', () => {
  it('writes one READ row per person for a read of referrals and indicators', async () => {
    const before = (await auditRows()).length;
    await stack.graph.request(
      health,
      `{ familyByCaseReference(caseReference: "H-2") { members { referrals { id } healthIndicators { month } } } }`,
    );
    const reads = (await auditRows()).slice(before);
    expect(reads.map((r) => r.operation)).toEqual(['READ', 'READ']);
    expect(reads.map((r) => r.person_id).sort()).toEqual([parentId, childId].sort());
    expect(reads[0]!.field_paths.sort()).toEqual([
      '_entities.healthIndicators',
      '_entities.healthIndicators.month',
      '_entities.referrals',
    ]);
  });

  it('refuses a jobcenter caller and writes no audit row', async () => {
    const before = await rowCounts();
    const res = await stack.post(
      jobcenter,
      `{ familyByCaseReference(caseReference: "H-2") { members { referrals { id } healthIndicators { month } } } }`,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await rowCounts()).toEqual(before);
  });
});
