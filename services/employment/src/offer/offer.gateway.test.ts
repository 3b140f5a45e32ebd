import { queryDatabase } from '@helhed/testing';
import {
  familyDept,
  farJobcenter,
  jobcenter,
  startEmploymentKit,
  type EmploymentKit,
} from './__tests__/employment-kit';

/** Offers and their weekly attendance, through the gateway on real databases. */
let kit: EmploymentKit;
let familyId: string;
let parentA: string;
let parentB: string;
let child: string;
let praktik: string;
let healthActivity: string;
let childActivity: string;

const START = `mutation($input: StartOfferParticipationInput!) { startOfferParticipation(input: $input) {
  id kind companyBased plannedStartOn plannedEndOn plannedHoursPerWeek endedOn person { id } planActivity { id } } }`;
const END = `mutation($input: EndOfferParticipationInput!) { endOfferParticipation(input: $input) { id endedOn endReason } }`;
const RECORD = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) {
  isoWeek weekStartsOn month plannedHours attendedHours attendancePercent participation { id } } }`;
const PARTICIPATION = `query($id: ID!, $from: String, $to: String) { offerParticipation(id: $id) {
  id attendancePercent kept attendance(from: $from, to: $to) { isoWeek attendedHours attendancePercent }
  monthlyAttendance { month plannedHours attendedHours attendancePercent weeksRecorded } } }`;

const participationInput = (over: Record<string, unknown> = {}) => ({
  personId: parentA,
  planActivityId: praktik,
  kind: 'VIRKSOMHEDSPRAKTIK',
  plannedStartOn: '2026-03-02',
  plannedEndOn: '2026-05-24',
  plannedHoursPerWeek: 15,
  ...over,
});

const start = async (input: Record<string, unknown>) =>
  (await kit.stack.graph.request(jobcenter, START, { input })).startOfferParticipation;
const record = async (participationId: string, isoWeek: string, plannedHours: number, attendedHours: number) =>
  (
    await kit.stack.graph.request(jobcenter, RECORD, {
      input: { participationId, isoWeek, plannedHours, attendedHours },
    })
  ).recordAttendance;
const participation = async (id: string, vars: Record<string, unknown> = {}) =>
  (await kit.stack.graph.request(jobcenter, PARTICIPATION, { id, ...vars })).offerParticipation;

beforeAll(async () => {
  kit = await startEmploymentKit();
  [familyId, parentA, parentB, child] = (await kit.createFamily('OFFER-1', [
    { cpr: '0101800123', role: 'PARENT' },
    { cpr: '0202810124', role: 'PARENT' },
    { cpr: '0303124125', role: 'CHILD' },
  ])) as [string, string, string, string];
  const planId = await kit.createPlan(familyId, parentA);
  praktik = await kit.addActivity(planId, [parentA, parentB]);
  healthActivity = await kit.addActivity(planId, [parentA], {
    department: 'HEALTH',
    sectorPlanKind: 'BEHANDLINGSPLAN',
    offerDescription: 'Samtaleforløb',
    responsibleCaseworkerId: kit.caseworkers.health,
  });
  childActivity = await kit.addActivity(planId, [child], { offerDescription: 'Fritidsjob-forløb' });
});

afterAll(async () => {
  await kit?.close();
});

describe('starting an offer', () => {
  let participationId: string;

  it('starts a participation for a jobcenter activity of the person, with its history', async () => {
    const started = await start(participationInput());
    participationId = started.id;
    expect(started).toMatchObject({
      kind: 'VIRKSOMHEDSPRAKTIK',
      companyBased: true,
      plannedStartOn: '2026-03-02',
      plannedEndOn: '2026-05-24',
      plannedHoursPerWeek: 15,
      endedOn: null,
      person: { id: parentA },
      planActivity: { id: praktik },
    });
    const [row] = await queryDatabase(
      kit.stack.databases.employment.url,
      'SELECT municipality_code, family_id, created_by FROM offer_participation WHERE id = $1',
      [participationId],
    );
    expect(row).toEqual({ municipality_code: '630', family_id: familyId, created_by: jobcenter.userId });
    const history = await queryDatabase(
      kit.stack.databases.employment.url,
      `SELECT operation, family_id FROM change_record WHERE entity = 'OfferParticipation' AND entity_id = $1`,
      [participationId],
    );
    expect(history).toEqual([{ operation: 'CREATE', family_id: familyId }]);
  });

  it('refuses a company that is not registered', async () => {
    await kit.refused(
      START,
      participationInput({
        planActivityId: childActivity,
        personId: child,
        companyId: '00000000-0000-4000-8000-000000000000',
      }),
      'input.companyId',
    );
  });

  it('refuses an activity of another department', async () => {
    const message = await kit.refused(
      START,
      participationInput({ planActivityId: healthActivity }),
      'input.planActivityId',
    );
    expect(message).toMatch(/activity of another department/);
  });

  it('refuses an activity that does not concern the person, and a second open offer for the same activity', async () => {
    const message = await kit.refused(
      START,
      participationInput({ planActivityId: childActivity }),
      'input.planActivityId',
    );
    expect(message).toMatch(/does not concern this person/);
    await kit.refused(START, participationInput(), 'input.planActivityId');
  });

  it('refuses an unknown person or activity, and one of another municipality', async () => {
    await kit.refused(
      START,
      participationInput({ personId: '00000000-0000-4000-8000-000000000000' }),
      'input.personId',
    );
    await kit.refused(START, participationInput({ planActivityId: 'nope' }), 'input.planActivityId');
    await kit.refused(START, participationInput({ personId: parentB }), 'input.personId', farJobcenter);
  });

  it('refuses a period outside the activity, an end before the start, and hours outside 0-60', async () => {
    const input = { personId: parentB };
    await kit.refused(START, participationInput({ ...input, plannedStartOn: '2026-03-01' }), 'input.plannedStartOn');
    await kit.refused(START, participationInput({ ...input, plannedEndOn: '2026-08-29' }), 'input.plannedEndOn');
    await kit.refused(START, participationInput({ ...input, plannedEndOn: '2026-03-01' }), 'input.plannedEndOn');
    await kit.refused(START, participationInput({ ...input, plannedHoursPerWeek: 61 }), 'input.plannedHoursPerWeek');
  });

  it('lets only the jobcenter start offers', async () => {
    const res = await kit.stack.post(familyDept, START, { input: participationInput({ personId: parentB }) });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('weekly attendance', () => {
  let kept: string;
  let broken: string;

  beforeAll(async () => {
    kept = (
      await kit.stack.graph.request(jobcenter, `query($id: ID!) { person(id: $id) { offerParticipations { id } } }`, {
        id: parentA,
      })
    ).person.offerParticipations[0].id;
    broken = (await start(participationInput({ personId: parentB, kind: 'MENTOR', plannedHoursPerWeek: 5 }))).id;
  });

  it('records a week and changes it later, keeping the old value in the history', async () => {
    expect(await record(kept, '2026-W11', 15, 10)).toEqual({
      isoWeek: '2026-W11',
      weekStartsOn: '2026-03-09',
      month: '2026-03',
      plannedHours: 15,
      attendedHours: 10,
      attendancePercent: 66.7,
      participation: { id: kept },
    });
    expect(await record(kept, '2026-w11', 15, 12)).toMatchObject({ attendedHours: 12, attendancePercent: 80 });
    const rows = await queryDatabase(
      kit.stack.databases.employment.url,
      `SELECT c.operation, c.before->>'attendedHours' AS before, c.after->>'attendedHours' AS after
         FROM change_record c JOIN offer_attendance_week w ON w.id::text = c.entity_id
        WHERE w.participation_id = $1 AND w.iso_week = '2026-W11' ORDER BY c.id`,
      [kept],
    );
    expect(rows).toEqual([
      { operation: 'CREATE', before: null, after: '10' },
      { operation: 'UPDATE', before: '10', after: '12' },
    ]);
  });

  it('refuses attended hours above planned + 20 or below 0, planned hours outside 0-60', async () => {
    const input = { participationId: kept, isoWeek: '2026-W12', plannedHours: 15 };
    await kit.refused(RECORD, { ...input, attendedHours: 35.5 }, 'input.attendedHours');
    await kit.refused(RECORD, { ...input, attendedHours: -1 }, 'input.attendedHours');
    await kit.refused(RECORD, { ...input, plannedHours: 61, attendedHours: 10 }, 'input.plannedHours');
  });

  it('refuses a week in the future, outside the participation, or not a week; and an unknown participation', async () => {
    const input = { participationId: kept, plannedHours: 15, attendedHours: 15 };
    await kit.refused(RECORD, { ...input, isoWeek: '2026-W53' }, 'input.isoWeek');
    await kit.refused(RECORD, { ...input, isoWeek: '2026-W09' }, 'input.isoWeek');
    await kit.refused(RECORD, { ...input, isoWeek: '2026-W22' }, 'input.isoWeek');
    await kit.refused(RECORD, { ...input, isoWeek: '2025-W53' }, 'input.isoWeek');
    await kit.refused(RECORD, { ...input, participationId: kept, isoWeek: '2026-12' }, 'input.isoWeek');
    await kit.refused(RECORD, { ...input, isoWeek: '2026-W12' }, 'input.participationId', farJobcenter);
  });

  it('gives attendance % per week, month and overall over partial data, and "kept" at the 4-week boundary', async () => {
    // A: W13-W16 not recorded (a gap of exactly 4 weeks) → kept.
    for (const [week, attended] of [
      ['2026-W10', 15],
      ['2026-W12', 15],
      ['2026-W17', 15],
      ['2026-W18', 10],
      ['2026-W19', 15],
      ['2026-W21', 15],
    ] as const) {
      await record(kept, week, 15, attended);
    }
    await record(kept, '2026-W20', 0, 0); // an agreed pause
    // B: W12-W16 recorded with nothing attended (5 weeks) → not kept.
    for (const n of [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]) {
      await record(broken, `2026-W${n}`, 5, n >= 12 && n <= 16 ? 0 : 5);
    }

    const a = await participation(kept);
    expect(a.kept).toBe(true);
    expect(a.attendancePercent).toBe(92.4); // 97 of 105 planned hours
    expect(a.monthlyAttendance).toEqual([
      { month: '2026-03', plannedHours: 45, attendedHours: 42, attendancePercent: 93.3, weeksRecorded: 3 },
      { month: '2026-04', plannedHours: 30, attendedHours: 25, attendancePercent: 83.3, weeksRecorded: 2 },
      { month: '2026-05', plannedHours: 30, attendedHours: 30, attendancePercent: 100, weeksRecorded: 3 },
    ]);
    const narrowed = await participation(kept, { from: '2026-W18', to: '2026-W20' });
    expect(narrowed.attendance).toEqual([
      { isoWeek: '2026-W18', attendedHours: 10, attendancePercent: 66.7 },
      { isoWeek: '2026-W19', attendedHours: 15, attendancePercent: 100 },
      { isoWeek: '2026-W20', attendedHours: 0, attendancePercent: null },
    ]);

    const b = await participation(broken);
    expect(b.kept).toBe(false);
    expect(b.attendancePercent).toBe(58.3); // 35 of 60

    const res = await kit.stack.post(jobcenter, PARTICIPATION, { id: kept, from: 'W18' });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });

  it('ends a participation; refuses an end before recorded weeks, in the future, or twice', async () => {
    await kit.refused(END, { participationId: broken, endedOn: '2026-04-30' }, 'input.endedOn');
    await kit.refused(END, { participationId: broken, endedOn: '2099-01-01' }, 'input.endedOn');
    const ended = (
      await kit.stack.graph.request(jobcenter, END, {
        input: { participationId: broken, endedOn: '2026-05-24', reason: ' Forløbet er slut ' },
      })
    ).endOfferParticipation;
    expect(ended).toEqual({ id: broken, endedOn: '2026-05-24', endReason: 'Forløbet er slut' });
    await kit.refused(END, { participationId: broken, endedOn: '2026-05-24' }, 'input.participationId');
  });

  it("returns the plan's jobcenter activities with their offers and attendance in one request", async () => {
    // The jobcenter caseworker on the team: another department sees offers only on a consent (the team rule).
    const { family } = await kit.stack.graph.request(
      jobcenter,
      `query($id: ID!) { family(id: $id) { plan { activities { id department
        offerParticipations { kind attendancePercent kept }
        attendance { plannedHours attendedHours attendancePercent weeksRecorded kept } } } } }`,
      { id: familyId },
    );
    const byId = new Map(family.plan.activities.map((a: { id: string }) => [a.id, a]));
    expect(byId.get(praktik)).toEqual({
      id: praktik,
      department: 'JOBCENTER',
      offerParticipations: [
        { kind: 'VIRKSOMHEDSPRAKTIK', attendancePercent: 92.4, kept: true },
        { kind: 'MENTOR', attendancePercent: 58.3, kept: false },
      ],
      attendance: { plannedHours: 165, attendedHours: 132, attendancePercent: 80, weeksRecorded: 20, kept: false },
    });
    expect(byId.get(healthActivity)).toMatchObject({ department: 'HEALTH', offerParticipations: [], attendance: null });
  });
});
