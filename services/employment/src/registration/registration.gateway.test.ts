import { queryDatabase, useClock } from '@helhed/testing';
import { familyDept, jobcenter, startEmploymentKit, type EmploymentKit } from '../offer/__tests__/employment-kit';

/** The jobcenter's part of the monthly registration, through the gateway on real databases. */
let kit: EmploymentKit;
let parent: string;
let teenager: string;
let child: string;
let participationId: string;

const VALUE = 'derived confirmed corrected value';
const REGISTRATION = `registration: employmentRegistration(month: $month) {
  month person { id } inWork { ${VALUE} } hoursWorkedPerWeek { ${VALUE} } inCompanyBasedOffer { ${VALUE} }
  keptOffer { ${VALUE} } offerHoursPerWeek { ${VALUE} } attendancePercent { ${VALUE} }
  leisureJobHeld { ${VALUE} } leisureJobApplies confirmedAt confirmedBy complete }`;
const READ = `query($id: ID!, $month: YearMonth!) { person(id: $id) { ${REGISTRATION} } }`;
const CONFIRM = `mutation($input: ConfirmEmploymentRegistrationInput!) { confirmEmploymentRegistration(input: $input) {
  month inWork { ${VALUE} } offerHoursPerWeek { ${VALUE} } attendancePercent { ${VALUE} } leisureJobHeld { ${VALUE} }
  confirmedBy complete } }`;
const RECORD = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { isoWeek } }`;

const read = async (id: string, month: string) =>
  (await kit.stack.graph.request(jobcenter, READ, { id, month })).person.registration;
const attend = (isoWeek: string, attendedHours: number) =>
  kit.stack.graph.request(jobcenter, RECORD, { input: { participationId, isoWeek, plannedHours: 15, attendedHours } });

beforeAll(async () => {
  kit = await startEmploymentKit();
  let familyId: string;
  [familyId, parent, teenager, child] = (await kit.createFamily('REG-1', [
    { cpr: '0101800123', role: 'PARENT' },
    { cpr: '0303124125', role: 'CHILD' }, // born 2012: 14 in 2026
    { cpr: '0404164126', role: 'CHILD' }, // born 2016: 10 in 2026
  ])) as [string, string, string, string];
  const planId = await kit.createPlan(familyId, parent);
  const activityId = await kit.addActivity(planId, [parent]);
  const { startOfferParticipation } = await kit.stack.graph.request(
    jobcenter,
    `mutation($input: StartOfferParticipationInput!) { startOfferParticipation(input: $input) { id } }`,
    {
      input: {
        personId: parent,
        planActivityId: activityId,
        kind: 'LOENTILSKUD',
        plannedStartOn: '2026-03-02',
        plannedEndOn: '2026-05-24',
        plannedHoursPerWeek: 15,
      },
    },
  );
  participationId = startOfferParticipation.id;
  await attend('2026-W14', 15);
  await attend('2026-W15', 0);
});

afterAll(async () => {
  await kit?.close();
});

const unconfirmed = (derived: unknown) => ({ derived, confirmed: null, corrected: false, value: derived });

it('derives the month from the offers and attendance, unconfirmed and incomplete', async () => {
  expect(await read(parent, '2026-04')).toEqual({
    month: '2026-04',
    person: { id: parent },
    inWork: unconfirmed(null),
    hoursWorkedPerWeek: unconfirmed(null),
    inCompanyBasedOffer: unconfirmed(true),
    keptOffer: unconfirmed(true),
    offerHoursPerWeek: unconfirmed(15),
    attendancePercent: unconfirmed(50),
    leisureJobHeld: unconfirmed(null),
    leisureJobApplies: false,
    confirmedAt: null,
    confirmedBy: null,
    complete: false,
  });
  expect(await read(parent, '2026-01')).toMatchObject({
    inCompanyBasedOffer: unconfirmed(false),
    keptOffer: unconfirmed(null),
    offerHoursPerWeek: unconfirmed(0),
    attendancePercent: unconfirmed(null),
  });
});

it('keeps the corrections beside the derived values; confirming makes the month complete, with history', async () => {
  const { confirmEmploymentRegistration: confirmed } = await kit.stack.graph.request(jobcenter, CONFIRM, {
    input: { personId: parent, month: '2026-04', corrections: { inWork: 'PARTLY', hoursWorkedPerWeek: 10 } },
  });
  expect(confirmed).toEqual({
    month: '2026-04',
    inWork: { derived: null, confirmed: 'PARTLY', corrected: true, value: 'PARTLY' },
    offerHoursPerWeek: { derived: 15, confirmed: 15, corrected: false, value: 15 },
    attendancePercent: { derived: 50, confirmed: 50, corrected: false, value: 50 },
    leisureJobHeld: { derived: null, confirmed: null, corrected: false, value: null },
    confirmedBy: jobcenter.userId,
    complete: true,
  });

  // A late record changes the derived value; the confirmed one stays as confirmed.
  await attend('2026-W16', 15);
  const after = await read(parent, '2026-04');
  expect(after.attendancePercent).toEqual({ derived: 66.7, confirmed: 50, corrected: false, value: 50 });
  expect(after.hoursWorkedPerWeek).toEqual({ derived: null, confirmed: 10, corrected: true, value: 10 });
  expect(after.complete).toBe(true);
  expect(after.confirmedAt).toMatch(/^2\d{3}-\d\d-\d\dT/);

  await kit.stack.graph.request(jobcenter, CONFIRM, {
    input: { personId: parent, month: '2026-04', corrections: { attendancePercent: 70 } },
  });
  const again = await read(parent, '2026-04');
  expect(again.attendancePercent).toEqual({ derived: 66.7, confirmed: 70, corrected: true, value: 70 });
  expect(again.inWork).toEqual(unconfirmed(null)); // no longer corrected: the later confirmation counts
  const history = await queryDatabase(
    kit.stack.databases.employment.url,
    `SELECT operation, before->'corrections' AS before, after->'corrections' AS after
       FROM change_record WHERE entity = 'EmploymentRegistration' ORDER BY id`,
  );
  expect(history).toEqual([
    { operation: 'CONFIRM', before: null, after: { inWork: 'PARTLY', hoursWorkedPerWeek: 10 } },
    { operation: 'RECONFIRM', before: { inWork: 'PARTLY', hoursWorkedPerWeek: 10 }, after: { attendancePercent: 70 } },
  ]);
});

it('asks about a leisure job for children 13+ only', async () => {
  expect((await read(teenager, '2026-04')).leisureJobApplies).toBe(true);
  expect((await read(child, '2026-04')).leisureJobApplies).toBe(false);
  const { confirmEmploymentRegistration } = await kit.stack.graph.request(jobcenter, CONFIRM, {
    input: { personId: teenager, month: '2026-04', corrections: { leisureJobHeld: true } },
  });
  expect(confirmEmploymentRegistration.leisureJobHeld).toEqual({
    derived: null,
    confirmed: true,
    corrected: true,
    value: true,
  });
  await kit.refused(
    CONFIRM,
    { personId: child, month: '2026-04', corrections: { leisureJobHeld: true } },
    'input.corrections.leisureJobHeld',
  );
});

it('refuses a month in the future, an unknown person and corrections out of range, writing nothing', async () => {
  await kit.refused(CONFIRM, { personId: parent, month: '2099-01' }, 'input.month');
  await kit.refused(CONFIRM, { personId: '00000000-0000-4000-8000-000000000000', month: '2026-04' }, 'input.personId');
  await kit.refused(
    CONFIRM,
    { personId: parent, month: '2026-05', corrections: { hoursWorkedPerWeek: 81 } },
    'input.corrections.hoursWorkedPerWeek',
  );
  const res = await kit.stack.post(jobcenter, READ, { id: parent, month: '2099-01' });
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
});

it('lets only the jobcenter confirm', async () => {
  const res = await kit.stack.post(familyDept, CONFIRM, { input: { personId: parent, month: '2026-03' } });
  expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

it("derives work and the teenager's leisure job from the jobcenter's records", async () => {
  const { registerCompany } = await kit.stack.graph.request(
    jobcenter,
    `mutation { registerCompany(input: { cvr: "10150817", name: "Brugsen Vejle" }) { id } }`,
  );
  await kit.stack.graph.request(
    jobcenter,
    `mutation($input: RecordEmploymentPeriodInput!) { recordEmploymentPeriod(input: $input) { id } }`,
    {
      input: {
        personId: parent,
        kind: 'ORDINARY_PART_TIME',
        hoursPerWeek: 15,
        employerCompanyId: registerCompany.id,
        from: '2026-06-15',
      },
    },
  );
  await kit.stack.graph.request(
    jobcenter,
    `mutation($input: RecordLeisureJobInput!) { recordLeisureJob(input: $input) { id } }`,
    { input: { personId: teenager, employerCompanyId: registerCompany.id, hoursPerWeek: 6, startedOn: '2026-05-01' } },
  );
  const june = await read(parent, '2026-06');
  expect(june.inWork.derived).toBe('PARTLY');
  expect(june.hoursWorkedPerWeek.derived).toBe(15);
  expect((await read(parent, '2026-05')).inWork.derived).toBe('NONE');
  // Held means still there three months after the start (1 August).
  expect((await read(teenager, '2026-06')).leisureJobHeld.derived).toBe(false);
  expect((await read(teenager, '2026-08')).leisureJobHeld.derived).toBe(true);
});

describe('the time a confirmation is measured against its deadline', () => {
  // A clock away from the database's: were created_at PostgreSQL's now(), `onTime` would compare the wall
  // clock's day with a deadline reckoned from the platform's today.
  useClock('2026-04-07T09:30:00+02:00', { frozen: true });

  it("is the platform clock's, not the database's", async () => {
    await kit.stack.graph.request(jobcenter, CONFIRM, {
      input: { personId: child, month: '2026-03', corrections: { inWork: 'NONE', hoursWorkedPerWeek: 0 } },
    });
    const rows = await queryDatabase(
      kit.stack.databases.employment.url,
      `SELECT created_at AS "createdAt", confirmed_at AS "confirmedAt"
         FROM employment_registration_confirmation WHERE person_id = $1 AND month = '2026-03'`,
      [child],
    );
    expect(rows.map((r) => [r.createdAt.toISOString(), r.confirmedAt.toISOString()])).toEqual([
      ['2026-04-07T07:30:00.000Z', '2026-04-07T07:30:00.000Z'],
    ]);
    expect((await read(child, '2026-03')).confirmedAt).toBe('2026-04-07T07:30:00.000Z');
  });
});
