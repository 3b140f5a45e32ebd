/** @clock-sensitive new-year holiday */
import { identity, queryDatabase } from '@helhed/testing';
import { startTestStack, type TestStack } from '@helhed/devstack';
import { today } from '@helhed/calendar';

/** The monthly registration across departments, through the gateway on real databases. */
let stack: TestStack;
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const lead = identity('FAMILY', { roles: ['PROJECT_LEAD'] });
const service = identity('FAMILY', { userId: 'reminder-worker', roles: ['SERVICE'] });
let jobcenter = identity('JOBCENTER');
let health = identity('HEALTH');
const monitor = identity('FAMILY', { roles: ['NATIONAL_MONITOR'] });
let familyDept = identity('FAMILY');

const cw: Record<string, string> = {};
let familyId: string;
let parent: string;
let teen: string;
let child: string;
let otherFamilyChild: string;
let otherFamilyId: string;
let projectId: string;

const REGISTER = `mutation($input: RegisterFamilyPartInput!) { registerFamilyPart(input: $input) {
  personId month familyPart { department applies done registeredAt onTime }
  familyRegistration { id kind confirmedUnchanged ics { dimension score note } vum { theme score note }
    schoolAttendancePercent gradeAverage youthEducationStarted youthEducationKept
    sdq { informant normSet itemsAnswered scores { scale score prorated band fourBand } } } } }`;
const CONFIRM = `mutation($input: ConfirmUnchangedFamilyMonthInput!) { confirmUnchangedFamilyMonth(input: $input) {
  personId familyPart { done } familyRegistration { confirmedUnchanged ics { score } vum { score } schoolAttendancePercent } } }`;
const MONTHS = `query($id: ID!, $month: YearMonth!) { family(id: $id) { registrationMonth(month: $month) {
  personId month memberRole memberNumber ageAtEndOfMonth deadline caseReference familyId
  familyPart { department applies done onTime } jobcenterPart { department applies done onTime }
  healthPart { department applies done onTime }
  missingParts { department responsible { name email } } complete contactPerson { name } } } }`;

/** What the reminder worker (SERVICE) reads: the municipality's months, not a family (it may not read families). */
const SERVICE_MONTHS = MONTHS.replace(
  'query($id: ID!, $month: YearMonth!) { family(id: $id) { registrationMonth(month: $month) {',
  'query($month: YearMonth!) { registrationMonths(month: $month) {',
).replace(/ } } }$/, ' } }');

const ics = (scores: number[]) =>
  [
    'HEALTH',
    'DEVELOPMENT_AND_BEHAVIOUR',
    'DAYCARE_SCHOOL_AND_LEARNING',
    'LEISURE_AND_FRIENDSHIPS',
    'FAMILY_RELATIONS',
  ].map((dimension, i) => ({ dimension, score: scores[i] }));
const vum = (scores: number[]) =>
  [
    'FUNCTIONS_AND_SOCIAL_PROBLEMS',
    'PRACTICAL_TASKS_AT_HOME',
    'SELF_CARE',
    'MOBILITY',
    'WORK_HOUSING_EDUCATION_ECONOMY',
    'NETWORK',
    'HEALTH',
  ].map((theme, i) => ({ theme, score: scores[i] }));

const register = async (input: Record<string, unknown>) =>
  (await stack.graph.request(familyDept, REGISTER, { input: { familyId, ...input } })).registerFamilyPart;
const monthOf = async (month: string, who = familyDept) =>
  (await stack.graph.request(who, MONTHS, { id: familyId, month })).family.registrationMonth;
const serviceMonthsOf = async (month: string) =>
  (await stack.graph.request(service, SERVICE_MONTHS, { month })).registrationMonths.filter(
    (m: { familyId: string }) => m.familyId === familyId,
  );

const count = async (table: string) =>
  Number((await queryDatabase(stack.databases.family.url, `SELECT count(*) AS n FROM ${table}`))[0]!.n);
const written = () => Promise.all(['family_registration', 'change_record'].map(count));

/** A registration that must be refused with BAD_USER_INPUT on `field`, with nothing written. */
async function refused(input: Record<string, unknown>, field: string) {
  const before = await written();
  const res = await stack.post(familyDept, REGISTER, { input: { familyId, ...input } });
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(await written()).toEqual(before);
}

async function registerCaseworker(name: string, department: string, roles?: string[]) {
  const { registerCaseworker: c } = await stack.graph.request(
    admin,
    `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
    { input: { name, email: `${name.toLowerCase()}@example.dk`, department, roles } },
  );
  return c.id as string;
}

async function createFamily(caseReference: string, enrolmentDate: string, members: Array<[string, string]>) {
  const { createFamily: f } = await stack.graph.request(
    familyDept,
    `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id } } }`,
    {
      input: {
        caseReference,
        enrolmentDate,
        members: members.map(([cpr, role]) => ({ cpr, role, firstName: 'X', lastName: caseReference })),
      },
    },
  );
  return { id: f.id as string, members: f.members.map((m: { id: string }) => m.id) as string[] };
}

beforeAll(async () => {
  stack = await startTestStack();
  await stack.graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  cw.anna = await registerCaseworker('Anna', 'FAMILY');
  cw.jens = await registerCaseworker('Jens', 'JOBCENTER');
  cw.hanne = await registerCaseworker('Hanne', 'HEALTH');
  cw.lone = await registerCaseworker('Lone', 'FAMILY', ['PROJECT_LEAD']);
  familyDept = identity('FAMILY', { userId: cw.anna });
  // The departments' callers are the caseworkers on the family's team (the team rule).
  jobcenter = identity('JOBCENTER', { userId: cw.jens });
  health = identity('HEALTH', { userId: cw.hanne });
  // Members come back oldest first: the parent (1985), the teenager (2012, 14 in 2026), the child (2019).
  const family = await createFamily('REG-1', '2026-01-15', [
    ['0101850123', 'PARENT'],
    ['0303124125', 'CHILD'],
    ['0404194126', 'CHILD'],
  ]);
  familyId = family.id;
  [parent, teen, child] = family.members as [string, string, string];
  const other = await createFamily('REG-2', '2026-01-15', [
    ['0505850127', 'PARENT'],
    ['0606184128', 'CHILD'],
  ]);
  otherFamilyId = other.id;
  otherFamilyChild = other.members[1]!;
  for (const [who, id] of [
    ['anna', familyId],
    ['jens', familyId],
    ['hanne', familyId],
  ] as const) {
    await stack.graph.request(
      familyDept,
      `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`,
      { input: { familyId: id, caseworkerId: cw[who], from: '2026-01-15' } },
    );
  }
  await stack.graph.request(
    familyDept,
    `mutation($input: SetContactPersonInput!) { setContactPerson(input: $input) { id } }`,
    { input: { familyId, caseworkerId: cw.anna, from: '2026-01-15' } },
  );
  await stack.graph.request(
    health,
    `mutation($input: RecordHealthAssessmentInput!) { recordHealthAssessment(input: $input) { id } }`,
    { input: { personId: parent, assessedOn: '2026-02-10', summaryForTeam: 'Vurderet' } },
  );
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

describe('the deadline', () => {
  it('is the 5th business day of the next month, Easter holidays counted', async () => {
    const deadline = async (month: string) =>
      (await stack.graph.request(service, `query($m: YearMonth!) { registrationDeadline(month: $m) }`, { m: month }))
        .registrationDeadline;
    // April 2026: Maundy Thursday 2, Good Friday 3, Easter Monday 6 → 1, 7, 8, 9, 10.
    expect(await deadline('2026-03')).toBe('2026-04-10');
    expect(await deadline('2026-04')).toBe('2026-05-07');
  });

  it('follows the project setting', async () => {
    const { createProject } = await stack.graph.request(
      lead,
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { id registrationDeadlineBusinessDay } }`,
      {
        input: {
          name: 'P',
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
          projectLeadId: cw.lone,
          targetFamilyCount: 10,
        },
      },
    );
    expect(createProject.registrationDeadlineBusinessDay).toBe(5);
    projectId = createProject.id;
    const set = `mutation($input: SetRegistrationDeadlineInput!) { setRegistrationDeadline(input: $input) { registrationDeadlineBusinessDay } }`;
    const bad = await stack.post(lead, set, { input: { projectId: createProject.id, businessDay: 0 } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.businessDay' });
    const refusedForCaseworker = await stack.post(familyDept, set, {
      input: { projectId: createProject.id, businessDay: 3 },
    });
    expect(refusedForCaseworker.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await stack.graph.request(lead, set, { input: { projectId: createProject.id, businessDay: 3 } });
    const q = `query($m: YearMonth!) { registrationDeadline(month: $m) }`;
    expect((await stack.graph.request(service, q, { m: '2026-03' })).registrationDeadline).toBe('2026-04-08');
    expect((await stack.graph.request(service, q, { m: '2025-12' })).registrationDeadline).toBe('2026-01-08');
    await stack.graph.request(lead, set, { input: { projectId: createProject.id, businessDay: 5 } });
  });
});

describe("the family department's part", () => {
  it('registers a child on the ICS dimensions with school values', async () => {
    const result = await register({
      personId: child,
      month: '2026-03',
      ics: ics([2, 3, 1, 0, 4]).map((s, i) => (i === 1 ? { ...s, note: 'Uro i klassen' } : s)),
      schoolAttendancePercent: 87.5,
      gradeAverage: 7.2,
    });
    expect(result.familyPart).toMatchObject({ department: 'FAMILY', applies: true, done: true, onTime: false });
    expect(result.familyRegistration).toMatchObject({
      kind: 'CHILD',
      confirmedUnchanged: false,
      vum: [],
      schoolAttendancePercent: 87.5,
      gradeAverage: 7.2,
      sdq: null,
    });
    expect(result.familyRegistration.ics[1]).toEqual({
      dimension: 'DEVELOPMENT_AND_BEHAVIOUR',
      score: 3,
      note: 'Uro i klassen',
    });
  });

  it('registers an adult on the VUM themes, 9 where judged not relevant', async () => {
    const result = await register({ personId: parent, month: '2026-03', vum: vum([3, 2, 1, 9, 4, 2, 3]) });
    expect(result.familyRegistration.vum.map((v: { score: number }) => v.score)).toEqual([3, 2, 1, 9, 4, 2, 3]);
    expect(result.familyRegistration.ics).toEqual([]);
  });

  it('refuses bad input with its field path and writes nothing', async () => {
    await refused({ personId: child, month: '2026-04', ics: ics([2, 3, 1, 0, 5]) }, 'input.ics[4].score');
    await refused({ personId: child, month: '2026-04', ics: ics([2, 3, 9, 0, 1]) }, 'input.ics[2].score');
    await refused({ personId: parent, month: '2026-04', vum: vum([3, 2, 1, 5, 4, 2, 3]) }, 'input.vum[3].score');
    await refused({ personId: parent, month: '2026-04', vum: vum([-1, 2, 1, 0, 4, 2, 3]) }, 'input.vum[0].score');
    await refused({ personId: parent, month: '2026-04', ics: ics([1, 1, 1, 1, 1]) }, 'input.ics');
    await refused({ personId: child, month: '2099-01', ics: ics([1, 1, 1, 1, 1]) }, 'input.month');
    await refused({ personId: child, month: '2025-12', ics: ics([1, 1, 1, 1, 1]) }, 'input.month');
    await refused({ personId: otherFamilyChild, month: '2026-03', ics: ics([1, 1, 1, 1, 1]) }, 'input.personId');
    await refused({ personId: teen, month: '2026-03', ics: ics([1, 1, 1, 1, 1]).slice(0, 3) }, 'input.ics');
    await refused(
      {
        personId: child,
        month: '2026-04',
        sdq: { informant: 'PARENT', subscales: { emotional: 11, conduct: 0, hyperactivity: 0, peer: 0, prosocial: 0 } },
      },
      'input.sdq.subscales.emotional',
    );
    await refused(
      { personId: child, month: '2026-04', sdq: { informant: 'PARENT', items: [{ item: 26, answer: 1 }] } },
      'input.sdq.items[0].item',
    );
    await refused(
      { personId: child, month: '2026-04', sdq: { informant: 'PARENT', items: [{ item: 3, answer: 3 }] } },
      'input.sdq.items[0].answer',
    );
  });

  it('refuses another department', async () => {
    const res = await stack.post(jobcenter, REGISTER, {
      input: { familyId, personId: child, month: '2026-03', ics: ics([1, 1, 1, 1, 1]) },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps the history of a correction: who, when, the old value', async () => {
    await register({ personId: child, month: '2026-03', ics: [{ dimension: 'HEALTH', score: 1 }], reason: 'Fejl' });
    const { family } = await stack.graph.request(
      familyDept,
      `query($id: ID!) { family(id: $id) { registrationMonth(month: "2026-03") { personId familyRegistration {
        ics { score } registeredBy changedBy history { edges { node { operation by at before after reason } } } } } } }`,
      { id: familyId },
    );
    const reg = family.registrationMonth.find((m: { personId: string }) => m.personId === child).familyRegistration;
    expect(reg.ics.map((s: { score: number }) => s.score)).toEqual([1, 3, 1, 0, 4]);
    const [correction, first] = reg.history.edges.map((e: any) => e.node);
    expect(correction).toMatchObject({ operation: 'CORRECT', by: cw.anna, reason: 'Fejl' });
    expect(correction.before.scores.HEALTH).toBe(2);
    expect(correction.after.scores.HEALTH).toBe(1);
    expect(first).toMatchObject({ operation: 'REGISTER', before: null });
  });

  it('shows registration values only under authorisation (not to the reminder worker)', async () => {
    const res = await stack.post(
      monitor,
      `query($id: ID!) { family(id: $id) { registrationMonth(month: "2026-03") { familyPart { done } } } }`,
      { id: familyId },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('SDQ', () => {
  const sdq = async (input: Record<string, unknown>) => {
    const r = await register({ personId: teen, month: '2026-02', ics: ics([1, 1, 1, 1, 1]), sdq: input });
    return Object.fromEntries(
      r.familyRegistration.sdq.scores.map((s: any) => [s.scale, [s.score, s.band, s.fourBand, s.prorated]]),
    );
  };

  it('totals the four problem scales and bands each at the boundaries, per informant', async () => {
    // Parent: total 13 normal, 14 borderline / slightly raised; 17 abnormal / high; 20 very high.
    let s = await sdq({
      informant: 'PARENT',
      subscales: { emotional: 3, conduct: 2, hyperactivity: 5, peer: 3, prosocial: 6 },
    });
    expect(s.TOTAL_DIFFICULTIES).toEqual([13, 'NORMAL', 'CLOSE_TO_AVERAGE', false]);
    expect(s.EMOTIONAL).toEqual([3, 'NORMAL', 'CLOSE_TO_AVERAGE', false]);
    expect(s.PEER).toEqual([3, 'BORDERLINE', 'SLIGHTLY_RAISED', false]);
    expect(s.PROSOCIAL).toEqual([6, 'NORMAL', 'HIGH', false].map((v, i) => (i === 2 ? 'LOW' : v)));
    expect(s.EXTERNALISING).toEqual([7, null, null, false]);
    expect(s.INTERNALISING).toEqual([6, null, null, false]);
    s = await sdq({
      informant: 'PARENT',
      subscales: { emotional: 4, conduct: 2, hyperactivity: 5, peer: 3, prosocial: 5 },
    });
    expect(s.TOTAL_DIFFICULTIES).toEqual([14, 'BORDERLINE', 'SLIGHTLY_RAISED', false]);
    expect(s.PROSOCIAL).toEqual([5, 'BORDERLINE', 'VERY_LOW', false]);
    s = await sdq({
      informant: 'PARENT',
      subscales: { emotional: 5, conduct: 4, hyperactivity: 5, peer: 3, prosocial: 4 },
    });
    expect(s.TOTAL_DIFFICULTIES).toEqual([17, 'ABNORMAL', 'HIGH', false]);
    expect(s.PROSOCIAL).toEqual([4, 'ABNORMAL', 'VERY_LOW', false]);
    s = await sdq({
      informant: 'PARENT',
      subscales: { emotional: 10, conduct: 10, hyperactivity: 10, peer: 10, prosocial: 0 },
    });
    expect(s.TOTAL_DIFFICULTIES).toEqual([40, 'ABNORMAL', 'VERY_HIGH', false]);
    // Teacher: total 11 normal, 12 borderline, 16 abnormal, 19 very high.
    s = await sdq({
      informant: 'TEACHER',
      subscales: { emotional: 4, conduct: 2, hyperactivity: 5, peer: 0, prosocial: 10 },
    });
    expect(s.TOTAL_DIFFICULTIES).toEqual([11, 'NORMAL', 'CLOSE_TO_AVERAGE', false]);
    expect(s.EMOTIONAL).toEqual([4, 'NORMAL', 'SLIGHTLY_RAISED', false]);
    s = await sdq({
      informant: 'TEACHER',
      subscales: { emotional: 5, conduct: 2, hyperactivity: 5, peer: 0, prosocial: 5 },
    });
    expect(s.TOTAL_DIFFICULTIES).toEqual([12, 'BORDERLINE', 'SLIGHTLY_RAISED', false]);
    s = await sdq({
      informant: 'TEACHER',
      subscales: { emotional: 6, conduct: 4, hyperactivity: 6, peer: 0, prosocial: 3 },
    });
    expect(s.TOTAL_DIFFICULTIES).toEqual([16, 'ABNORMAL', 'HIGH', false]);
    expect(s.PROSOCIAL).toEqual([3, 'ABNORMAL', 'VERY_LOW', false]);
    s = await sdq({
      informant: 'TEACHER',
      subscales: { emotional: 6, conduct: 4, hyperactivity: 9, peer: 0, prosocial: 4 },
    });
    expect(s.TOTAL_DIFFICULTIES).toEqual([19, 'ABNORMAL', 'VERY_HIGH', false]);
    // Self: total 15 normal (four-band: slightly raised), 16 borderline, 20 abnormal / very high.
    s = await sdq({
      informant: 'SELF',
      subscales: { emotional: 5, conduct: 3, hyperactivity: 5, peer: 2, prosocial: 7 },
    });
    expect(s.TOTAL_DIFFICULTIES).toEqual([15, 'NORMAL', 'SLIGHTLY_RAISED', false]);
    s = await sdq({
      informant: 'SELF',
      subscales: { emotional: 6, conduct: 3, hyperactivity: 5, peer: 2, prosocial: 6 },
    });
    expect(s.TOTAL_DIFFICULTIES).toEqual([16, 'BORDERLINE', 'SLIGHTLY_RAISED', false]);
    expect(s.PROSOCIAL).toEqual([6, 'NORMAL', 'SLIGHTLY_LOWERED', false]);
    s = await sdq({
      informant: 'SELF',
      subscales: { emotional: 7, conduct: 3, hyperactivity: 5, peer: 5, prosocial: 5 },
    });
    expect(s.TOTAL_DIFFICULTIES).toEqual([20, 'ABNORMAL', 'VERY_HIGH', false]);
    expect(s.PEER).toEqual([5, 'BORDERLINE', 'VERY_HIGH', false]);
  });

  it('scores item answers: reverse-scored items, prorated subscales, missing with fewer than 3', async () => {
    const items = [
      // Emotional (3, 8, 13, 16, 24): all five → 2+1+0+2+1 = 6.
      [3, 2],
      [8, 1],
      [13, 0],
      [16, 2],
      [24, 1],
      // Conduct (5, 7r, 12, 18, 22): four answered → 1 + (2-0) + 1 + 0 = 4, mean 1 × 5 = 5.
      [5, 1],
      [7, 0],
      [12, 1],
      [18, 0],
      // Hyperactivity (2, 10, 15, 21r, 25r): three answered → 2 + (2-2) + (2-1) = 3, mean 1 × 5 = 5.
      [2, 2],
      [21, 2],
      [25, 1],
      // Peer (6, 11r, 14r, 19, 23): two answered → missing.
      [6, 1],
      [11, 0],
      // Prosocial (1, 4, 9, 17, 20): four answered → 2+2+1+2 = 7, mean 1.75 × 5 = 8.75 → 9.
      [1, 2],
      [4, 2],
      [9, 1],
      [17, 2],
    ].map(([item, answer]) => ({ item, answer }));
    const s = await sdq({ informant: 'PARENT', items });
    expect(s.EMOTIONAL).toEqual([6, 'ABNORMAL', 'HIGH', false]);
    expect(s.CONDUCT).toEqual([5, 'ABNORMAL', 'HIGH', true]);
    expect(s.HYPERACTIVITY).toEqual([5, 'NORMAL', 'CLOSE_TO_AVERAGE', true]);
    expect(s.PEER).toEqual([null, null, null, false]);
    expect(s.PROSOCIAL).toEqual([9, 'NORMAL', 'CLOSE_TO_AVERAGE', true]);
    expect(s.TOTAL_DIFFICULTIES).toEqual([null, null, null, false]);
    expect(s.EXTERNALISING[0]).toBe(10);
    expect(s.INTERNALISING[0]).toBeNull();
    const stored = await queryDatabase(
      stack.databases.family.url,
      `SELECT sdq FROM family_registration WHERE person_id = $1 AND month = '2026-02'`,
      [teen],
    );
    expect(stored[0]!.sdq.items).toHaveLength(18);
  });

  it('rounds a prorated half up, as the official scoring does', async () => {
    // Emotional 3 of 5 items: 1+1+1 = 3, mean 1 → 5; conduct 4 items 0+0+0+(2-0)... see 7r: answer 0 → 2.
    const s = await sdq({
      informant: 'SELF',
      items: [
        { item: 3, answer: 1 },
        { item: 8, answer: 1 },
        { item: 13, answer: 1 },
        // Conduct 4 items: 5→1, 7r→(2-2)=0, 12→1, 18→0 = 2, mean 0.5 × 5 = 2.5 → 3.
        { item: 5, answer: 1 },
        { item: 7, answer: 2 },
        { item: 12, answer: 1 },
        { item: 18, answer: 0 },
      ],
    });
    expect(s.EMOTIONAL).toEqual([5, 'NORMAL', 'SLIGHTLY_RAISED', true]);
    expect(s.CONDUCT).toEqual([3, 'NORMAL', 'CLOSE_TO_AVERAGE', true]);
  });
});

describe("a municipality's own SDQ norm set", () => {
  const ADD = `mutation($input: AddSdqNormSetInput!) { addSdqNormSet(input: $input) { name source ownedByMunicipality
    bands { informant scale threeBand fourBand minScore maxScore } } }`;
  const band = (scale: string, threeBand: string, minScore: number, maxScore: number) => ({
    informant: 'PARENT',
    scale,
    threeBand,
    minScore,
    maxScore,
  });

  it('is added as data by a project lead and gives the bands of registrations that name it', async () => {
    const bands = [
      band('TOTAL_DIFFICULTIES', 'NORMAL', 0, 9),
      band('TOTAL_DIFFICULTIES', 'BORDERLINE', 10, 12),
      band('TOTAL_DIFFICULTIES', 'ABNORMAL', 13, 40),
      band('EXTERNALISING', 'NORMAL', 0, 6),
      band('EXTERNALISING', 'ABNORMAL', 7, 20),
    ];
    const overlapping = await stack.post(lead, ADD, {
      input: { name: 'DK', source: 'Eksempel', bands: [...bands, band('EXTERNALISING', 'BORDERLINE', 6, 6)] },
    });
    expect(overlapping.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.bands[5]' });
    const forbidden = await stack.post(familyDept, ADD, { input: { name: 'DK', source: 'Eksempel', bands } });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { addSdqNormSet } = await stack.graph.request(lead, ADD, {
      input: { name: 'DK', source: 'Danske normer (eksempel)', bands },
    });
    expect(addSdqNormSet).toMatchObject({ name: 'DK', ownedByMunicipality: true });
    expect(addSdqNormSet.bands).toHaveLength(5);
    const uk = await stack.post(lead, ADD, { input: { name: 'UK', source: 'Eksempel', bands } });
    expect(uk.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });

    const r = await register({
      personId: teen,
      month: '2026-02',
      sdq: {
        informant: 'PARENT',
        normSet: 'DK',
        subscales: { emotional: 3, conduct: 2, hyperactivity: 5, peer: 3, prosocial: 6 },
      },
    });
    const scores = Object.fromEntries(r.familyRegistration.sdq.scores.map((x: any) => [x.scale, [x.score, x.band]]));
    expect(r.familyRegistration.sdq.normSet).toBe('DK');
    expect(scores.TOTAL_DIFFICULTIES).toEqual([13, 'ABNORMAL']);
    expect(scores.EXTERNALISING).toEqual([7, 'ABNORMAL']);
    expect(scores.EMOTIONAL).toEqual([3, null]);
    await refused(
      {
        personId: teen,
        month: '2026-02',
        sdq: {
          informant: 'PARENT',
          normSet: 'XX',
          subscales: { emotional: 1, conduct: 1, hyperactivity: 1, peer: 1, prosocial: 1 },
        },
      },
      'input.sdq.normSet',
    );
    const { sdqNormSets } = await stack.graph.request(
      familyDept,
      `{ sdqNormSets { name source ownedByMunicipality bands { scale } } }`,
    );
    const ukSet = sdqNormSets.find((n: any) => n.name === 'UK');
    expect(ukSet).toMatchObject({
      source: 'sdqinfo.org, "Scoring the SDQ" (UK norms, 4-17 year olds)',
      ownedByMunicipality: false,
    });
    // 3 informants × 6 scales × (3 + 4) bands.
    expect(ukSet.bands).toHaveLength(126);
  });
});

describe('completeness across departments', () => {
  it('lists every member with the parts that apply, missing parts and their responsible caseworkers', async () => {
    const months = await serviceMonthsOf('2026-03');
    const byId = Object.fromEntries(months.map((m: { personId: string }) => [m.personId, m]));
    expect(byId[parent]).toMatchObject({
      memberRole: 'PARENT',
      memberNumber: 1,
      caseReference: 'REG-1',
      familyId,
      deadline: '2026-04-10',
      familyPart: { applies: true, done: true, onTime: false },
      jobcenterPart: { department: 'JOBCENTER', applies: true, done: false, onTime: null },
      healthPart: { department: 'HEALTH', applies: true, done: false, onTime: null },
      missingParts: [
        { department: 'JOBCENTER', responsible: { name: 'Jens', email: 'jens@example.dk' } },
        { department: 'HEALTH', responsible: { name: 'Hanne', email: 'hanne@example.dk' } },
      ],
      complete: false,
      contactPerson: { name: 'Anna' },
    });
    expect(byId[teen]).toMatchObject({
      ageAtEndOfMonth: 14,
      jobcenterPart: { applies: true, done: false },
      healthPart: { applies: false },
      missingParts: [{ department: 'FAMILY', responsible: { name: 'Anna' } }, { department: 'JOBCENTER' }],
    });
    expect(byId[child]).toMatchObject({
      ageAtEndOfMonth: 6,
      jobcenterPart: { applies: false },
      healthPart: { applies: false },
      missingParts: [],
      complete: true,
    });
  });

  it('completes when the jobcenter confirms and health records the month; the next month starts empty', async () => {
    await stack.graph.request(
      jobcenter,
      `mutation($input: ConfirmEmploymentRegistrationInput!) { confirmEmploymentRegistration(input: $input) { complete } }`,
      { input: { personId: parent, month: '2026-03' } },
    );
    await stack.graph.request(
      health,
      `mutation($input: RecordHealthIndicatorsInput!) { recordHealthIndicators(input: $input) { month } }`,
      {
        input: {
          personId: parent,
          month: '2026-03',
          who5Items: [3, 3, 3, 3, 3],
          selfRatedHealth: 3,
          inTreatment: false,
          attendingAsPlanned: false,
        },
      },
    );
    const march = await monthOf('2026-03');
    const p = march.find((m: { personId: string }) => m.personId === parent);
    expect(p).toMatchObject({
      jobcenterPart: { done: true, onTime: false },
      healthPart: { done: true, onTime: false },
      missingParts: [],
      complete: true,
    });
    const april = await monthOf('2026-04');
    expect(april.find((m: { personId: string }) => m.personId === parent)).toMatchObject({
      deadline: '2026-05-07',
      familyPart: { done: false },
      jobcenterPart: { done: false },
      healthPart: { done: false },
      complete: false,
    });
  });

  it('counts a registration on time until the end of the deadline day, Danish time', async () => {
    const at = async (instant: string) => {
      await queryDatabase(
        stack.databases.family.url,
        `UPDATE family_registration SET registered_at = $1 WHERE person_id = $2 AND month = '2026-03'`,
        [instant, parent],
      );
      return (await monthOf('2026-03')).find((m: { personId: string }) => m.personId === parent).familyPart.onTime;
    };
    // 2026-04-10 23:59 in Copenhagen (CEST, UTC+2) is on time; midnight is the 11th.
    expect(await at('2026-04-10T21:59:00Z')).toBe(true);
    expect(await at('2026-04-10T22:00:00Z')).toBe(false);
  });

  it('answers registrationMonths for the reminder worker, the project lead and a caseworker of the team', async () => {
    const Q = `query($m: YearMonth!) { registrationMonths(month: $m) { personId caseReference complete
      missingParts { department responsible { email } } } }`;
    const forService = (await stack.graph.request(service, Q, { m: '2026-03' })).registrationMonths;
    expect(forService.map((m: { caseReference: string }) => m.caseReference).sort()).toEqual([
      'REG-1',
      'REG-1',
      'REG-1',
      'REG-2',
      'REG-2',
    ]);
    expect((await stack.graph.request(lead, Q, { m: '2026-03' })).registrationMonths).toHaveLength(5);
    const mine = (await stack.graph.request(familyDept, Q, { m: '2026-03' })).registrationMonths;
    expect(mine.map((m: { caseReference: string }) => m.caseReference)).toEqual(['REG-1', 'REG-1', 'REG-1']);
    // Before the enrolment month no family is due.
    expect((await stack.graph.request(service, Q, { m: '2025-12' })).registrationMonths).toEqual([]);
    // The reminder worker never sees the person.
    const person = await stack.post(
      service,
      `query { registrationMonths(month: "2026-03") { familyRegistration { kind } } }`,
    );
    expect(person.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('one-step registration', () => {
  it('registers an unchanged month with no values at all, prefilled from last month', async () => {
    const result = await register({ personId: child, month: '2026-04' });
    expect(result.familyRegistration).toMatchObject({
      ics: ics([1, 3, 1, 0, 4]).map((s) => ({ ...s, note: null })),
      schoolAttendancePercent: 87.5,
      gradeAverage: 7.2,
      confirmedUnchanged: false,
    });
    const edited = await register({
      personId: child,
      month: '2026-05',
      ics: [{ dimension: 'FAMILY_RELATIONS', score: 2 }],
    });
    expect(edited.familyRegistration.ics.map((s: { score: number }) => s.score)).toEqual([1, 3, 1, 0, 2]);
  });

  it('confirms a whole family unchanged in one mutation; members never registered stay missing', async () => {
    const before = await count('family_registration');
    const result = (await stack.graph.request(familyDept, CONFIRM, { input: { familyId, month: '2026-06' } }))
      .confirmUnchangedFamilyMonth;
    const byId = Object.fromEntries(result.map((m: { personId: string }) => [m.personId, m]));
    expect(byId[parent].familyRegistration).toMatchObject({
      confirmedUnchanged: true,
      vum: [3, 2, 1, 9, 4, 2, 3].map((score) => ({ score })),
    });
    expect(byId[child].familyRegistration).toMatchObject({
      confirmedUnchanged: true,
      ics: [1, 3, 1, 0, 2].map((score) => ({ score })),
      schoolAttendancePercent: 87.5,
    });
    // The teenager's last month (2026-02) carries over too.
    expect(byId[teen].familyPart.done).toBe(true);
    expect(await count('family_registration')).toBe(before + 3);
    // Confirming again changes nothing.
    await stack.graph.request(familyDept, CONFIRM, { input: { familyId, month: '2026-06' } });
    expect(await count('family_registration')).toBe(before + 3);
    const res = await stack.post(familyDept, CONFIRM, { input: { familyId: otherFamilyId, month: '2099-01' } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.month' });
  });

  it('registers this month on time', async () => {
    const result = await register({ personId: child, month: today().slice(0, 7) });
    expect(result.familyPart).toMatchObject({ done: true, onTime: true });
  });
});

describe('progression and the progress grid', () => {
  beforeAll(async () => {
    const confirm = `mutation($input: ConfirmEmploymentRegistrationInput!) { confirmEmploymentRegistration(input: $input) { complete } }`;
    await stack.graph.request(jobcenter, confirm, {
      input: { personId: parent, month: '2026-03', corrections: { inWork: 'NONE', hoursWorkedPerWeek: 0 } },
    });
    await stack.graph.request(jobcenter, confirm, {
      input: { personId: parent, month: '2026-04', corrections: { inWork: 'PARTLY', hoursWorkedPerWeek: 20 } },
    });
    await stack.graph.request(
      health,
      `mutation($input: RecordHealthIndicatorsInput!) { recordHealthIndicators(input: $input) { month } }`,
      {
        input: {
          personId: parent,
          month: '2026-04',
          who5Items: [2, 2, 2, 2, 2],
          selfRatedHealth: 3,
          inTreatment: false,
          attendingAsPlanned: false,
        },
      },
    );
  });

  const PROGRESSION = `{ indicator department higherIsBetter baselineMonth baseline latestMonth latest change direction }`;

  it("gives each person's baseline, latest, change and direction per indicator, in every department", async () => {
    const { person } = await stack.graph.request(
      health,
      `query($id: ID!) { person(id: $id) { familyProgression ${PROGRESSION} jobcenterProgression ${PROGRESSION}
        healthProgression ${PROGRESSION} } }`,
      { id: parent },
    );
    const by = (list: any[]) => Object.fromEntries(list.map((p) => [p.indicator, p]));
    const family = by(person.familyProgression);
    expect(family.VUM_NETWORK).toMatchObject({
      baselineMonth: '2026-03',
      baseline: 2,
      latestMonth: '2026-06',
      change: 0,
    });
    expect(family.VUM_NETWORK.direction).toBe('UNCHANGED');
    // 9 (not relevant) is no value.
    expect(family.VUM_MOBILITY).toMatchObject({ baseline: null, direction: null });
    const jobcenterP = by(person.jobcenterProgression);
    expect(jobcenterP.IN_WORK).toMatchObject({ baseline: 0, latest: 1, change: 1, direction: 'IMPROVING' });
    expect(jobcenterP.HOURS_WORKED_PER_WEEK).toMatchObject({ baseline: 0, latest: 20, direction: 'IMPROVING' });
    const healthP = by(person.healthProgression);
    expect(healthP.WHO5_INDEX).toMatchObject({
      department: 'HEALTH',
      higherIsBetter: true,
      baseline: 60,
      latest: 40,
      change: -20,
      direction: 'WORSENING',
    });

    const child_ = (
      await stack.graph.request(
        familyDept,
        `query($id: ID!) { person(id: $id) { familyProgression ${PROGRESSION} } }`,
        {
          id: child,
        },
      )
    ).person;
    const childP = by(child_.familyProgression);
    // ICS: lower is better; 4 → 2 is an improvement.
    expect(childP.ICS_FAMILY_RELATIONS).toMatchObject({
      higherIsBetter: false,
      baseline: 4,
      latest: 2,
      direction: 'IMPROVING',
    });
    expect(childP.ICS_HEALTH).toMatchObject({ baseline: 1, latest: 1, direction: 'UNCHANGED' });
  });

  it('combines every department in one grid of members × months', async () => {
    const GRID = `query($id: ID!) { family(id: $id) { progressGrid(from: "2026-03", to: "2026-04") { months
      members { person { id } months { month familyIndicators { indicator value }
        jobcenterIndicators { indicator value } healthIndicators { indicator value } } } } } }`;
    const { family } = await stack.graph.request(health, GRID, { id: familyId });
    expect(family.progressGrid.months).toEqual(['2026-03', '2026-04']);
    expect(family.progressGrid.members).toHaveLength(3);
    const row = family.progressGrid.members.find((m: any) => m.person.id === parent);
    const value = (list: any[], indicator: string) => list.find((v) => v.indicator === indicator)?.value;
    const [march, april] = row.months;
    expect(value(march.familyIndicators, 'VUM_NETWORK')).toBe(2);
    expect(value(march.jobcenterIndicators, 'IN_WORK')).toBe(0);
    expect(value(april.jobcenterIndicators, 'HOURS_WORKED_PER_WEEK')).toBe(20);
    expect(value(march.healthIndicators, 'WHO5_INDEX')).toBe(60);
    expect(value(april.healthIndicators, 'WHO5_INDEX')).toBe(40);
    expect(april.familyIndicators).toEqual([]);

    // The family department sees its own and the jobcenter's columns; health values stay with health.
    const res = await stack.post(familyDept, GRID, { id: familyId });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await stack.post(
      familyDept,
      `query($id: ID!) { family(id: $id) { progressGrid(from: "2026-05", to: "2026-03") { months } } }`,
      {
        id: familyId,
      },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});

describe('the monthly status report', () => {
  const REPORT = `query($p: ID!, $m: YearMonth!) { monthlyStatusReport(projectId: $p, month: $m) {
    projectId month deadline project { name }
    enrolment { enrolled active closed newThisMonth endedThisMonth target }
    registration { personMonths complete completeOnTime completePercent parts { department applying done onTime } }
    indicatorMovement { indicator department improving unchanged worsening }
    milestonesDue { title } risksOpen { description }
    employment { adultsInWorkFully adultsInWorkPartly averageHoursWorked adultsStartedEducation childrenWithLeisureJob
      inCompanyBasedOffer indicatorMovement { indicator improving unchanged worsening } }
    health { withHealthAssessment inTreatment attendingAsPlanned who5BelowFifty
      indicatorMovement { indicator improving unchanged worsening } } } }`;
  const report = async (month: string) =>
    (await stack.graph.request(lead, REPORT, { p: projectId, m: month })).monthlyStatusReport;

  beforeAll(async () => {
    const enrol = `mutation($input: EnrolFamilyInProjectInput!) { enrolFamilyInProject(input: $input) { id } }`;
    await stack.graph.request(lead, enrol, { input: { projectId, familyId, enrolledOn: '2026-01-15' } });
    await stack.graph.request(lead, enrol, { input: { projectId, familyId: otherFamilyId, enrolledOn: '2026-03-10' } });
    const milestone = `mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }`;
    await stack.graph.request(lead, milestone, {
      input: { projectId, title: 'Første statusmøde', dueOn: '2026-03-20' },
    });
    await stack.graph.request(lead, milestone, {
      input: { projectId, title: 'Midtvejsevaluering', dueOn: '2026-05-01' },
    });
    await stack.graph.request(lead, `mutation($input: AddRiskInput!) { addRisk(input: $input) { id } }`, {
      input: { projectId, description: 'Lav registreringsgrad', likelihood: 3, impact: 3, ownerId: cw.lone },
    });
  });

  it('reports March by hand: enrolment, completeness per department, milestones and risks', async () => {
    const march = await report('2026-03');
    expect(march).toMatchObject({
      projectId,
      month: '2026-03',
      deadline: '2026-04-10',
      enrolment: { enrolled: 2, active: 2, closed: 0, newThisMonth: 1, endedThisMonth: 0, target: 10 },
      // Parent and youngest child of REG-1 are complete (late); the teenager and REG-2's two members are not.
      registration: {
        personMonths: 5,
        complete: 2,
        completeOnTime: 0,
        completePercent: 40,
        parts: [
          { department: 'FAMILY', applying: 5, done: 2, onTime: 0 },
          { department: 'JOBCENTER', applying: 3, done: 1, onTime: 0 },
          { department: 'HEALTH', applying: 1, done: 1, onTime: 0 },
        ],
      },
      milestonesDue: [{ title: 'Første statusmøde' }],
      risksOpen: [{ description: 'Lav registreringsgrad' }],
      employment: { adultsInWorkFully: 0, adultsInWorkPartly: 0, averageHoursWorked: null, indicatorMovement: [] },
      health: { withHealthAssessment: 1, inTreatment: 0, indicatorMovement: [] },
    });
  });

  it('counts the indicator movement of every department up to the month', async () => {
    const april = await report('2026-04');
    expect(april.employment).toMatchObject({ adultsInWorkPartly: 1, averageHoursWorked: 20 });
    expect(april.employment.indicatorMovement).toEqual(
      expect.arrayContaining([
        { indicator: 'IN_WORK', improving: 1, unchanged: 0, worsening: 0 },
        { indicator: 'HOURS_WORKED_PER_WEEK', improving: 1, unchanged: 0, worsening: 0 },
      ]),
    );
    expect(april.health).toMatchObject({ who5BelowFifty: 1 });
    expect(april.health.indicatorMovement).toEqual(
      expect.arrayContaining([{ indicator: 'WHO5_INDEX', improving: 0, unchanged: 0, worsening: 1 }]),
    );
    const june = await report('2026-06');
    const family = Object.fromEntries(june.indicatorMovement.map((m: any) => [m.indicator, m]));
    // The youngest child 4 → 2 (lower is better); the teenager's February carried over unchanged to June.
    expect(family.ICS_FAMILY_RELATIONS).toMatchObject({ improving: 1, unchanged: 1, worsening: 0 });
    expect(family.VUM_NETWORK).toMatchObject({ improving: 0, unchanged: 1, worsening: 0 });
    expect(june.milestonesDue.map((m: { title: string }) => m.title)).toEqual([
      'Første statusmøde',
      'Midtvejsevaluering',
    ]);
  });

  it('is for project leads and administrators only, and names no person', async () => {
    const res = await stack.post(familyDept, REPORT, { p: projectId, m: '2026-03' });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const hidden = await stack.post(
      lead,
      `query($p: ID!) { monthlyStatusReport(projectId: $p, month: "2026-03") { participants { personId } } }`,
      {
        p: projectId,
      },
    );
    expect(hidden.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('the national view', () => {
  const VIEW = `query($m: YearMonth!) { nationalRegistrationView(month: $m) { month defaultDeadline
    municipalities { municipality { code } families { value shown } personMonths { value shown }
      complete { value shown } completeOnTime { value shown } parts { department applying { value shown } done { value shown } } }
    total { municipality { code } families { shown } personMonths { value shown } complete { shown } } } }`;

  beforeAll(async () => {
    const otherAdmin = identity('FAMILY', { roles: ['ADMIN'], municipality: '101' });
    await stack.graph.request(
      otherAdmin,
      `mutation { registerMunicipality(input: { code: "101", name: "København" }) { code } }`,
    );
    await stack.graph.request(
      identity('FAMILY', { municipality: '101' }),
      `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id } }`,
      {
        input: {
          caseReference: 'KBH-1',
          enrolmentDate: '2026-02-01',
          members: [{ cpr: '0707907777', firstName: 'K', lastName: 'B', role: 'PARENT' }],
        },
      },
    );
  });

  it('aggregates per municipality and in total, every count under 5 shown as <5 and none calculable', async () => {
    const { nationalRegistrationView: v } = await stack.graph.request(monitor, VIEW, { m: '2026-03' });
    expect(v.defaultDeadline).toBe('2026-04-10');
    const [kbh, vejle] = v.municipalities;
    expect(kbh).toMatchObject({ municipality: { code: '101' }, personMonths: { value: null, shown: '<5' } });
    // Vejle's 5 person-months are hidden too (x): the total 6 minus a shown 5 would give København's 1.
    expect(vejle).toMatchObject({
      municipality: { code: '630' },
      families: { value: null, shown: '<5' },
      personMonths: { value: null, shown: 'x' },
      complete: { value: null, shown: '<5' },
      parts: [
        { department: 'FAMILY', applying: { value: null, shown: 'x' }, done: { value: null, shown: '<5' } },
        { department: 'JOBCENTER', applying: { shown: '<5' }, done: { shown: '<5' } },
        { department: 'HEALTH', applying: { shown: '<5' }, done: { shown: '<5' } },
      ],
    });
    expect(v.total).toEqual({
      municipality: null,
      families: { shown: '<5' },
      personMonths: { value: 6, shown: '6' },
      complete: { shown: '<5' },
    });
  });

  it('is for national monitors only, and reaches no person', async () => {
    const res = await stack.post(lead, VIEW, { m: '2026-03' });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const hidden = await stack.post(
      monitor,
      `{ nationalRegistrationView(month: "2026-03") { participants { personId } } }`,
    );
    expect(hidden.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const persons = await stack.post(monitor, `{ registrationMonths(month: "2026-03") { personId } }`);
    expect(persons.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
