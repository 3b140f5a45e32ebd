import { startTestStack, type TestStack, registerCaller } from '@helhed/devstack';
import type { Identity } from '@helhed/identity';
import { identity } from '@helhed/testing';
import { todayInDenmark } from './dates';

/**
 * The declared policy through the gateway, for the health subgraph's data: one
 * table of caller × situation (department, team, consent) × field of each view
 * (existence, team summary, clinical) and the expected answer — the data,
 * FORBIDDEN at the field's path, or nothing at all — printed as a table on failure.
 */
let stack: TestStack;
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const who: Record<string, Identity> = {};
let metteId: string;
let activityId: string;

beforeAll(async () => {
  stack = await startTestStack();
  await stack.graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  const register = (name: string, department: Identity['department'], roles?: Identity['roles']) =>
    registerCaller(stack.graph, admin, name, department, roles);
  who.healthOnTeam = await register('Sara', 'HEALTH');
  who.healthOffTeam = await register('Karen', 'HEALTH');
  who.jobcenterConsent = await register('Jens', 'JOBCENTER');
  who.familyNoConsent = await register('Anna', 'FAMILY');
  who.jobcenterOffTeam = await register('Ole', 'JOBCENTER');
  who.projectLead = await register('Lene', 'FAMILY', ['PROJECT_LEAD']);
  who.administrator = await register('Adam', 'FAMILY', ['ADMIN']);
  who.monitor = identity('FAMILY', { roles: ['NATIONAL_MONITOR'] });
  who.reminderWorker = identity('FAMILY', { userId: 'reminder-worker', roles: ['SERVICE'] });
  who.otherMunicipality = identity('HEALTH', { municipality: '101', userId: who.healthOnTeam!.userId });

  const familyDept = who.familyNoConsent!;
  const { createFamily } = await stack.graph.request(
    familyDept,
    `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id } } }`,
    {
      input: {
        caseReference: 'HP-1',
        enrolmentDate: '2026-01-05',
        members: [{ cpr: '1205881234', firstName: 'Mette', lastName: 'H', role: 'PARENT' }],
      },
    },
  );
  metteId = createFamily.members[0].id;
  // The family department puts the health coordinator on the team (issue 9: a department's own category is its
  // team members' only).
  for (const caseworker of [who.healthOnTeam!, who.jobcenterConsent!, who.familyNoConsent!]) {
    await stack.graph.request(
      familyDept,
      `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`,
      { input: { familyId: createFamily.id, caseworkerId: caseworker.userId, from: '2026-01-05' } },
    );
  }
  await stack.graph.request(familyDept, `mutation($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`, {
    input: {
      personId: metteId,
      givenById: metteId,
      departments: ['JOBCENTER'],
      categories: ['HEALTH'],
      purpose: 'Praktik med hensyn til helbred',
      validFrom: '2026-01-05',
    },
  });
  const { createFamilyPlan } = await stack.graph.request(
    familyDept,
    `mutation($input: CreateFamilyPlanInput!) { createFamilyPlan(input: $input) { id } }`,
    {
      input: {
        familyId: createFamily.id,
        startsOn: '2026-01-05',
        followUpCadenceWeeks: 8,
        phases: [{ name: 'Fase 1', startsOn: '2026-01-05', endsOn: '2026-12-31', focus: 'Sundhed' }],
        goals: [{ memberId: metteId, description: 'Stabil i behandling', targetDate: '2026-12-31' }],
      },
    },
  );
  const { addPlanActivity } = await stack.graph.request(
    familyDept,
    `mutation($input: AddPlanActivityInput!) { addPlanActivity(input: $input) { id } }`,
    {
      input: {
        planId: createFamilyPlan.id,
        department: 'HEALTH',
        sectorPlanKind: 'BEHANDLINGSPLAN',
        memberIds: [metteId],
        offerDescription: 'Samtaleforløb',
        startsOn: '2026-03-02',
        endsOn: '2026-08-28',
        hoursPerWeek: 1,
        responsibleCaseworkerId: who.healthOnTeam!.userId,
        followUpCadenceWeeks: 4,
      },
    },
  );
  activityId = addPlanActivity.id;

  const health = who.healthOnTeam!;
  await stack.graph.request(
    health,
    `mutation($input: RecordHealthAssessmentInput!) { recordHealthAssessment(input: $input) { id } }`,
    {
      input: { personId: metteId, assessedOn: '2026-02-10', physical: 'Rygsmerter', summaryForTeam: '10 timer/uge' },
    },
  );
  await stack.graph.request(health, `mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }`, {
    input: { personId: metteId, to: 'PSYCHOLOGIST', sentOn: '2026-02-12', note: 'Angst' },
  });
  await stack.graph.request(
    health,
    `mutation($input: RecordTreatmentDetailsInput!) { recordTreatmentDetails(input: $input) { id } }`,
    {
      input: {
        planActivityId: activityId,
        personId: metteId,
        provider: 'Psykologhuset',
        frequency: 'Hver 14. dag',
        sessionsPlanned: 10,
      },
    },
  );
  await stack.graph.request(
    health,
    `mutation($input: RecordHealthIndicatorsInput!) { recordHealthIndicators(input: $input) { month } }`,
    {
      input: {
        personId: metteId,
        month: '2026-02',
        who5Items: [3, 3, 2, 2, 3],
        selfRatedHealth: 3,
        inTreatment: true,
        attendingAsPlanned: true,
      },
    },
  );
}, 90_000);

afterAll(async () => {
  await stack?.close();
}, 30_000);

type Outcome = 'DATA' | 'FORBIDDEN' | 'NOTHING';

/** Each view's fields: what the row asks (of Mette, or of her treatment activity) and where its value is. */
const FIELDS = {
  'existence: date': {
    query: 'person(id: $id) { id healthAssessments { assessedOn } }',
    path: 'person.healthAssessments.assessedOn',
  },
  'summary: for team': {
    query: 'person(id: $id) { id healthAssessments { summaryForTeam } }',
    path: 'person.healthAssessments.summaryForTeam',
  },
  'summary: referral': { query: 'person(id: $id) { id referrals { sentOn } }', path: 'person.referrals.sentOn' },
  'summary: attendance': {
    query: 'planActivity(id: $id) { id treatment { sessionsPlanned } }',
    path: 'planActivity.treatment.sessionsPlanned',
  },
  'clinical: finding': {
    query: 'person(id: $id) { id healthAssessments { physical } }',
    path: 'person.healthAssessments.physical',
  },
  'clinical: note': { query: 'person(id: $id) { id referrals { note } }', path: 'person.referrals.note' },
  'clinical: provider': {
    query: 'planActivity(id: $id) { id treatment { provider } }',
    path: 'planActivity.treatment.provider',
  },
  'clinical: WHO-5': {
    query: 'person(id: $id) { id healthIndicators { who5Index } }',
    path: 'person.healthIndicators.who5Index',
  },
} as const;
type Asked = keyof typeof FIELDS;

const valueAt = (data: unknown, path: string): unknown =>
  path.split('.').reduce<any>((v, k) => (Array.isArray(v) ? v[0]?.[k] : v?.[k]), data);

async function outcome(caller: Identity, asked: Asked): Promise<Outcome> {
  const { query, path } = FIELDS[asked];
  const id = path.startsWith('planActivity') ? activityId : metteId;
  const res = await stack.post(caller, `query($id: ID!) { ${query} }`, { id });
  const value = valueAt(res.data, path);
  if (value !== null && value !== undefined) return 'DATA';
  return res.errors?.some((e) => e.extensions?.code === 'FORBIDDEN') ? 'FORBIDDEN' : 'NOTHING';
}

const ALL = Object.keys(FIELDS) as Asked[];
const EXISTENCE: Asked[] = ['existence: date'];
const SUMMARY: Asked[] = ['existence: date', 'summary: for team', 'summary: referral', 'summary: attendance'];

/** Each caller's situation and which of the fields they get; every other field is `otherwise`. */
const RULES: Array<[string, string, Asked[], Outcome]> = [
  ['healthOnTeam', 'HEALTH department, on the team: clinical', ALL, 'FORBIDDEN'],
  // The team rule (issue 9): before it, this row read 'HEALTH department, not on the team: clinical' (every health
  // coordinator of the municipality saw every person's health data); now off the team is nothing, as for anyone.
  ['healthOffTeam', 'HEALTH department, not on the team: nothing', [], 'FORBIDDEN'],
  ['jobcenterConsent', 'on the team, consent names JOBCENTER for HEALTH: summary', SUMMARY, 'FORBIDDEN'],
  ['familyNoConsent', 'on the team, no consent for FAMILY: existence', EXISTENCE, 'FORBIDDEN'],
  ['jobcenterOffTeam', 'not on the team: nothing', [], 'FORBIDDEN'],
  // The project lead of the family's project sees existence once the family subgraph answers isProjectLeadOfFamily;
  // this one leads no project of the family.
  ['projectLead', 'project lead, not of this family: nothing', [], 'FORBIDDEN'],
  ['administrator', 'administrator, not on the team: nothing', [], 'FORBIDDEN'],
  ['monitor', 'national monitor: nothing', [], 'FORBIDDEN'],
  ['reminderWorker', 'the reminder worker: nothing', [], 'FORBIDDEN'],
  ['otherMunicipality', 'HEALTH of another municipality', [], 'NOTHING'],
];
const MATRIX: Array<[string, string, Asked, Outcome]> = RULES.flatMap(([caller, situation, shown, otherwise]) =>
  ALL.map((asked): [string, string, Asked, Outcome] => [
    caller,
    situation,
    asked,
    shown.includes(asked) ? 'DATA' : otherwise,
  ]),
);

const asTable = (rows: Array<[string, string, string, Outcome]>) =>
  rows.map(([c, s, f, o]) => `${c.padEnd(17)} | ${s.padEnd(58)} | ${f.padEnd(19)} | ${o}`);

describe('the policy matrix (health data through the gateway)', () => {
  it('gives each caller the view the rules say, field by field', async () => {
    const actual: Array<[string, string, Asked, Outcome]> = [];
    for (const [caller, situation, asked] of MATRIX)
      actual.push([caller, situation, asked, await outcome(who[caller]!, asked)]);
    // On failure jest prints both tables line by line.
    expect(asTable(actual)).toEqual(asTable(MATRIX));
  });

  it('narrows a team member to existence on the next request after the consent is withdrawn', async () => {
    expect(await outcome(who.jobcenterConsent!, 'summary: for team')).toBe('DATA');
    const { person } = await stack.graph.request(
      who.familyNoConsent!,
      `query($id: ID!) { person(id: $id) { consents { id } } }`,
      { id: metteId },
    );
    await stack.graph.request(
      who.familyNoConsent!,
      `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id } }`,
      { input: { consentId: person.consents[0].id, withdrawnOn: todayInDenmark(), reason: 'Ønsker ikke deling' } },
    );
    expect(await outcome(who.jobcenterConsent!, 'summary: for team')).toBe('FORBIDDEN');
    expect(await outcome(who.jobcenterConsent!, 'existence: date')).toBe('DATA');
  });
});
