import { today } from '@helhed/calendar';
import { startTestStack, type TestStack, registerCaller } from '@helhed/devstack';
import type { Identity } from '@helhed/identity';
import { PURPOSE_HEADER } from '@helhed/identity';
import { identity, queryDatabase } from '@helhed/testing';

/**
 * The declared policy through the gateway, for the employment subgraph's data:
 * one table of caller × person × category (team, department, consent) and the
 * expected answer, printed as a table on failure; consent withdrawal on the
 * next request; and the audit rows a scripted session writes.
 */
let stack: TestStack;
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const who: Record<string, Identity> = {};
let familyId: string;
const person: Record<'parent' | 'child', string> = { parent: '', child: '' };
const activity: Record<'parent' | 'child', string> = { parent: '', child: '' };
let consentId: string;

async function post(caller: Identity, query: string, variables: Record<string, unknown> = {}, purpose?: string) {
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await stack.graph.token(caller)}`,
      ...(purpose ? { [PURPOSE_HEADER]: purpose } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as {
    data?: any;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }>;
  };
}

beforeAll(async () => {
  stack = await startTestStack();
  await stack.graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  const register = (name: string, department: Identity['department'], roles?: Identity['roles']) =>
    registerCaller(stack.graph, admin, name, department, roles);
  who.jobcenterOnTeam = await register('Jens', 'JOBCENTER');
  who.jobcenterOffTeam = await register('Ole', 'JOBCENTER');
  who.familyOnTeam = await register('Anna', 'FAMILY');
  who.healthOnTeam = await register('Hanne', 'HEALTH');
  who.monitor = identity('FAMILY', { roles: ['NATIONAL_MONITOR'] });
  who.reminderWorker = identity('FAMILY', { userId: 'reminder-worker', roles: ['SERVICE'] });
  who.otherMunicipality = identity('JOBCENTER', { municipality: '101', userId: who.jobcenterOnTeam!.userId });

  const { createFamily } = await stack.graph.request(
    who.familyOnTeam!,
    `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id role } } }`,
    {
      input: {
        caseReference: 'POL-1',
        enrolmentDate: '2026-01-05',
        members: [
          { cpr: '1205881234', firstName: 'Mette', lastName: 'P', role: 'PARENT' },
          { cpr: '0303124567', firstName: 'Emil', lastName: 'P', role: 'CHILD' },
        ],
      },
    },
  );
  familyId = createFamily.id;
  person.parent = createFamily.members.find((m: { role: string }) => m.role === 'PARENT').id;
  person.child = createFamily.members.find((m: { role: string }) => m.role === 'CHILD').id;
  for (const caseworker of [who.jobcenterOnTeam!, who.familyOnTeam!, who.healthOnTeam!]) {
    await stack.graph.request(
      who.familyOnTeam!,
      `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`,
      { input: { familyId, caseworkerId: caseworker.userId, from: '2026-01-05' } },
    );
  }
  // Mette consents to the family department seeing her EMPLOYMENT data; Emil gives no consent.
  const { giveConsent } = await stack.graph.request(
    who.familyOnTeam!,
    `mutation($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`,
    {
      input: {
        personId: person.parent,
        givenById: person.parent,
        departments: ['FAMILY'],
        categories: ['EMPLOYMENT'],
        purpose: 'Samlet plan',
        validFrom: '2026-01-05',
      },
    },
  );
  consentId = giveConsent.id;
  for (const id of [person.parent, person.child]) {
    await stack.graph.request(
      who.jobcenterOnTeam!,
      `mutation($input: RecordEmploymentPeriodInput!) { recordEmploymentPeriod(input: $input) { id } }`,
      { input: { personId: id, kind: 'NONE', hoursPerWeek: 0, from: '2026-02-01' } },
    );
  }
  // One jobplan activity per member, each with an offer and a week of attendance (reached from the plan).
  const { createFamilyPlan } = await stack.graph.request(
    who.familyOnTeam!,
    `mutation($input: CreateFamilyPlanInput!) { createFamilyPlan(input: $input) { id } }`,
    {
      input: {
        familyId,
        startsOn: '2026-01-05',
        followUpCadenceWeeks: 8,
        phases: [{ name: 'Fase 1', startsOn: '2026-01-05', endsOn: '2026-12-31', focus: 'Job' }],
        goals: [{ memberId: person.parent, description: 'Arbejder 15 timer', targetDate: '2026-12-31' }],
      },
    },
  );
  for (const whose of ['parent', 'child'] as const) {
    const { addPlanActivity } = await stack.graph.request(
      who.familyOnTeam!,
      `mutation($input: AddPlanActivityInput!) { addPlanActivity(input: $input) { id } }`,
      {
        input: {
          planId: createFamilyPlan.id,
          department: 'JOBCENTER',
          sectorPlanKind: 'JOBPLAN',
          memberIds: [person[whose]],
          offerDescription: `Praktik ${whose}`,
          startsOn: '2026-03-02',
          endsOn: '2026-08-28',
          hoursPerWeek: 15,
          responsibleCaseworkerId: who.jobcenterOnTeam!.userId,
          followUpCadenceWeeks: 4,
        },
      },
    );
    activity[whose] = addPlanActivity.id;
    const { startOfferParticipation } = await stack.graph.request(
      who.jobcenterOnTeam!,
      `mutation($input: StartOfferParticipationInput!) { startOfferParticipation(input: $input) { id } }`,
      {
        input: {
          personId: person[whose],
          planActivityId: addPlanActivity.id,
          kind: 'VIRKSOMHEDSPRAKTIK',
          plannedStartOn: '2026-03-02',
          plannedEndOn: '2026-05-24',
          plannedHoursPerWeek: 15,
        },
      },
    );
    await stack.graph.request(
      who.jobcenterOnTeam!,
      `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { isoWeek } }`,
      {
        input: {
          participationId: startOfferParticipation.id,
          isoWeek: '2026-W10',
          plannedHours: 15,
          attendedHours: 12,
        },
      },
    );
  }
});

afterAll(async () => {
  await stack?.close();
});

type Outcome = 'DATA' | 'FORBIDDEN' | 'NOTHING';

/**
 * What each row asks: a person's field, or one nested deeper (a record's own
 * fields, an activity of the plan reached from the family), and where its value is.
 */
const FIELDS = {
  EMPLOYMENT: { query: 'person(id: $id) { id employmentPeriods { __typename } }', path: 'person.employmentPeriods' },
  INDICATOR: {
    query: 'person(id: $id) { id jobcenterProgression { __typename } }',
    path: 'person.jobcenterProgression',
  },
  'period.kind': {
    query: 'person(id: $id) { id employmentPeriods { kind hoursPerWeek } }',
    path: 'person.employmentPeriods.kind',
  },
  'activity.attendance': {
    query: 'planActivity(id: $id) { id attendance { attendedHours } }',
    path: 'planActivity.attendance',
  },
  'activity.offers': {
    query: 'planActivity(id: $id) { id offerParticipations { id } }',
    path: 'planActivity.offerParticipations',
  },
  'offer.attendance': {
    query: 'planActivity(id: $id) { id offerParticipations { attendance { attendedHours } } }',
    path: 'planActivity.offerParticipations.attendance',
  },
} as const;
type Asked = keyof typeof FIELDS;
/** The rows about a plan activity ask by the activity of the person's own jobplan. */
const ABOUT_ACTIVITY = (asked: Asked) => asked.startsWith('activity.') || asked.startsWith('offer.');

const valueAt = (data: any, path: string): unknown =>
  path.split('.').reduce<any>((v, k) => (Array.isArray(v) ? v[0]?.[k] : v?.[k]), data);

/** What the caller gets of one field of one person: the data, FORBIDDEN at the field's path, or nothing at all. */
async function outcome(caller: Identity, whose: 'parent' | 'child', asked: Asked): Promise<Outcome> {
  const { query, path } = FIELDS[asked];
  const id = ABOUT_ACTIVITY(asked) ? activity[whose] : person[whose];
  const res = await post(caller, `query($id: ID!) { ${query} }`, { id });
  const value = valueAt(res.data, path);
  if (value !== null && value !== undefined) return 'DATA';
  const forbidden = res.errors?.some((e) => e.extensions?.code === 'FORBIDDEN');
  return forbidden ? 'FORBIDDEN' : 'NOTHING';
}

// caller, situation, person, category (or nested field) → expected
const MATRIX: Array<[string, string, 'parent' | 'child', Asked, Outcome]> = [
  ['jobcenterOnTeam', 'own department, on the team', 'parent', 'EMPLOYMENT', 'DATA'],
  ['jobcenterOnTeam', 'own department, on the team', 'child', 'EMPLOYMENT', 'DATA'],
  ['jobcenterOnTeam', 'own department, on the team', 'parent', 'INDICATOR', 'DATA'],
  ['jobcenterOnTeam', 'own department, on the team', 'parent', 'period.kind', 'DATA'],
  ['jobcenterOnTeam', 'own department, on the team', 'parent', 'activity.attendance', 'DATA'],
  ['jobcenterOnTeam', 'own department, on the team', 'parent', 'activity.offers', 'DATA'],
  ['jobcenterOnTeam', 'own department, on the team', 'parent', 'offer.attendance', 'DATA'],
  ['jobcenterOffTeam', 'own department, not on the team', 'parent', 'EMPLOYMENT', 'FORBIDDEN'],
  ['jobcenterOffTeam', 'own department, not on the team', 'parent', 'INDICATOR', 'FORBIDDEN'],
  ['familyOnTeam', 'other department, on the team, consent', 'parent', 'EMPLOYMENT', 'DATA'],
  ['familyOnTeam', 'other department, on the team, consent', 'parent', 'period.kind', 'DATA'],
  ['familyOnTeam', 'other department, on the team, consent', 'parent', 'activity.attendance', 'DATA'],
  ['familyOnTeam', 'other department, on the team, consent', 'parent', 'offer.attendance', 'DATA'],
  ['familyOnTeam', 'other department, on the team, no consent', 'child', 'EMPLOYMENT', 'FORBIDDEN'],
  ['familyOnTeam', 'other department, on the team, no consent', 'child', 'activity.attendance', 'FORBIDDEN'],
  ['familyOnTeam', 'other department, on the team, no consent', 'child', 'activity.offers', 'FORBIDDEN'],
  ['familyOnTeam', 'other department, on the team', 'child', 'INDICATOR', 'DATA'],
  ['healthOnTeam', 'other department, on the team, consent names FAMILY only', 'parent', 'EMPLOYMENT', 'FORBIDDEN'],
  [
    'healthOnTeam',
    'other department, on the team, consent names FAMILY only',
    'parent',
    'activity.attendance',
    'FORBIDDEN',
  ],
  ['healthOnTeam', 'other department, on the team', 'parent', 'INDICATOR', 'DATA'],
  ['monitor', 'national monitor', 'parent', 'EMPLOYMENT', 'FORBIDDEN'],
  ['monitor', 'national monitor', 'parent', 'INDICATOR', 'FORBIDDEN'],
  ['reminderWorker', 'the reminder worker', 'parent', 'EMPLOYMENT', 'FORBIDDEN'],
  ['reminderWorker', 'the reminder worker', 'parent', 'activity.attendance', 'FORBIDDEN'],
  ['otherMunicipality', 'another municipality', 'parent', 'EMPLOYMENT', 'NOTHING'],
  ['otherMunicipality', 'another municipality', 'parent', 'INDICATOR', 'NOTHING'],
  ['otherMunicipality', 'another municipality', 'parent', 'activity.attendance', 'NOTHING'],
];

const asTable = (rows: Array<[string, string, string, string, Outcome]>) =>
  rows.map(([c, s, p, cat, o]) => `${c.padEnd(18)} | ${s.padEnd(56)} | ${p.padEnd(6)} | ${cat.padEnd(19)} | ${o}`);

describe('the policy matrix (employment data through the gateway)', () => {
  it('gives each caller what the rules say, field by field', async () => {
    const actual: Array<[string, string, string, string, Outcome]> = [];
    for (const [caller, situation, whose, category] of MATRIX) {
      actual.push([caller, situation, whose, category, await outcome(who[caller]!, whose, category)]);
    }
    // On failure jest prints both tables line by line.
    expect(asTable(actual)).toEqual(asTable(MATRIX));
  });

  it('withdrawing a consent takes effect on the next request', async () => {
    expect(await outcome(who.familyOnTeam!, 'parent', 'EMPLOYMENT')).toBe('DATA');
    await stack.graph.request(
      who.familyOnTeam!,
      `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id } }`,
      { input: { consentId, withdrawnOn: today() } },
    );
    expect(await outcome(who.familyOnTeam!, 'parent', 'EMPLOYMENT')).toBe('FORBIDDEN');
    // The jobcenter's own data is not touched by the consent.
    expect(await outcome(who.jobcenterOnTeam!, 'parent', 'EMPLOYMENT')).toBe('DATA');
  });
});

describe('the audit of employment reads', () => {
  it('writes one row per person and category per request, with aliases, _entities paths and the purpose', async () => {
    const db = stack.databases.employment.url;
    const [{ max }] = await queryDatabase(db, 'SELECT coalesce(max(id), 0)::int AS max FROM audit_event');
    const jens = who.jobcenterOnTeam!;
    const session: Array<[string, Record<string, unknown>]> = [
      // 1: one person, an alias and an indicator field: one row (indicators are audited as EMPLOYMENT)
      [
        `query($id: ID!) { person(id: $id) { employmentPeriods { kind } again: employmentPeriods { kind } jobcenterProgression { indicator } } }`,
        { id: person.parent },
      ],
      // 2: the family's members: one row per member
      [`query($id: ID!) { family(id: $id) { members { employmentPeriods { kind } } } }`, { id: familyId }],
      // 3: basic data only: no employment row
      [`query($id: ID!) { person(id: $id) { firstName } }`, { id: person.child }],
    ];
    for (const [query, variables] of session) {
      const res = await post(jens, query, variables, 'Jobplan');
      expect(res.errors).toBeUndefined();
    }
    // 4: refused reads write nothing
    await post(who.jobcenterOffTeam!, `query($id: ID!) { person(id: $id) { employmentPeriods { kind } } }`, {
      id: person.parent,
    });

    const rows = await queryDatabase(
      db,
      `SELECT user_id, department, municipality_code, person_id, category, field_paths, operation, purpose, request_id
         FROM audit_event WHERE id > $1 ORDER BY id`,
      [max],
    );
    const name = (id: string) => (id === person.parent ? 'parent' : 'child');
    expect(
      rows.map((r) => [
        name(String(r.person_id)),
        r.category,
        r.operation,
        r.purpose,
        [...(r.field_paths as string[])].sort(),
      ]),
    ).toEqual([
      [
        'parent',
        'EMPLOYMENT',
        'READ',
        'Jobplan',
        [
          '_entities.again',
          '_entities.again.kind',
          '_entities.employmentPeriods',
          '_entities.employmentPeriods.kind',
          '_entities.jobcenterProgression',
        ],
      ],
      ['parent', 'EMPLOYMENT', 'READ', 'Jobplan', ['_entities.employmentPeriods', '_entities.employmentPeriods.kind']],
      ['child', 'EMPLOYMENT', 'READ', 'Jobplan', ['_entities.employmentPeriods', '_entities.employmentPeriods.kind']],
    ]);
    expect(rows.every((r) => r.user_id === jens.userId && r.department === 'JOBCENTER')).toBe(true);
    expect(new Set(rows.map((r) => r.request_id)).size).toBe(2);
  });
});
