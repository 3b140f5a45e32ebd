import { randomUUID } from 'node:crypto';
import { jobcenter, startJobcenterKit, type JobcenterKit } from '../benefit-period/__tests__/jobcenter-kit';

/** Employment periods and education enrolments through the gateway. */
let kit: JobcenterKit;
let parent: string;
let companyId: string;

const RECORD = `mutation($input: RecordEmploymentPeriodInput!) { recordEmploymentPeriod(input: $input) {
  id kind hoursPerWeek from to employer { name } person { id } } }`;
const END = `mutation($input: EndEmploymentPeriodInput!) { endEmploymentPeriod(input: $input) { id from to } }`;
const PERSON = `query($id: ID!) { person(id: $id) {
  employmentPeriods { kind hoursPerWeek from to employer { name } }
  march: employment(on: "2026-03-31") { kind hoursPerWeek }
  april: employment(on: "2026-04-01") { kind hoursPerWeek }
  educationEnrolments { id level institution startedOn expectedEndOn outcome { kind on } } } }`;
const ENROL = `mutation($input: RecordEducationEnrolmentInput!) { recordEducationEnrolment(input: $input) {
  id level institution startedOn expectedEndOn outcome { kind on } person { id } } }`;
const OUTCOME = `mutation($input: RecordEducationOutcomeInput!) { recordEducationOutcome(input: $input) {
  id outcome { kind on } } }`;

const request = (query: string, input: Record<string, unknown>) => kit.stack.graph.request(jobcenter, query, { input });

beforeAll(async () => {
  kit = await startJobcenterKit();
  [parent] = (await kit.createFamily('EMPLOY-1', ['1986-06-06'])).memberIds as [string];
  const { registerCompany } = await request(
    `mutation($input: RegisterCompanyInput!) { registerCompany(input: $input) { id } }`,
    { cvr: '51234561', name: 'Lageret A/S' },
  );
  companyId = registerCompany.id;
});

afterAll(async () => {
  await kit?.close();
});

describe('employment periods', () => {
  let none: { id: string };

  it('records a parent moving from no work to 15 hours a week', async () => {
    none = (await request(RECORD, { personId: parent, kind: 'NONE', hoursPerWeek: 0, from: '2026-01-01' }))
      .recordEmploymentPeriod;
    expect(none).toMatchObject({ kind: 'NONE', hoursPerWeek: 0, employer: null, person: { id: parent } });
    const ended = (await request(END, { employmentPeriodId: none.id, to: '2026-03-31' })).endEmploymentPeriod;
    expect(ended).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    const job = (
      await request(RECORD, {
        personId: parent,
        kind: 'ORDINARY_PART_TIME',
        hoursPerWeek: 15,
        employerCompanyId: companyId,
        from: '2026-04-01',
      })
    ).recordEmploymentPeriod;
    expect(job).toMatchObject({ hoursPerWeek: 15, employer: { name: 'Lageret A/S' } });

    const { person } = await kit.stack.graph.request(jobcenter, PERSON, { id: parent });
    expect(person.employmentPeriods).toEqual([
      { kind: 'NONE', hoursPerWeek: 0, from: '2026-01-01', to: '2026-03-31', employer: null },
      { kind: 'ORDINARY_PART_TIME', hoursPerWeek: 15, from: '2026-04-01', to: null, employer: { name: 'Lageret A/S' } },
    ]);
    expect(person.march).toEqual({ kind: 'NONE', hoursPerWeek: 0 });
    expect(person.april).toEqual({ kind: 'ORDINARY_PART_TIME', hoursPerWeek: 15 });
    expect(await kit.historyOf(none.id)).toMatchObject([
      { entity: 'EmploymentPeriod', operation: 'CREATE', after: { toDate: null } },
      { operation: 'END', before: { toDate: null }, after: { toDate: '2026-03-31' } },
    ]);
  });

  it('refuses overlaps, hours outside 0-60, an unknown employer or person, and a second end', async () => {
    const base = { personId: parent, kind: 'FLEX_JOB', hoursPerWeek: 12, employerCompanyId: companyId };
    await kit.refused(RECORD, { ...base, from: '2026-03-31', to: '2026-03-31' }, 'input.from');
    await kit.refused(RECORD, { ...base, from: '2027-01-01' }, 'input.from');
    await kit.refused(RECORD, { ...base, hoursPerWeek: 61, from: '2025-01-01' }, 'input.hoursPerWeek');
    await kit.refused(
      RECORD,
      { ...base, employerCompanyId: randomUUID(), from: '2025-01-01' },
      'input.employerCompanyId',
    );
    await kit.refused(
      RECORD,
      { ...base, kind: 'SUBSIDISED', employerCompanyId: null, from: '2025-01-01' },
      'input.employerCompanyId',
    );
    await kit.refused(RECORD, { ...base, personId: randomUUID(), from: '2025-01-01' }, 'input.personId');
    await kit.refused(END, { employmentPeriodId: none.id, to: '2026-04-30' }, 'input.employmentPeriodId');
    // The day before the first period is free.
    const earlier = (await request(RECORD, { ...base, from: '2025-01-01', to: '2025-12-31' })).recordEmploymentPeriod;
    expect(earlier).toMatchObject({ kind: 'FLEX_JOB', to: '2025-12-31' });
  });
});

describe('education enrolments', () => {
  it('records an enrolment and its outcome once, with history', async () => {
    const enrolment = (
      await request(ENROL, {
        personId: parent,
        level: 'VOCATIONAL',
        institution: 'Syddansk Erhvervsskole',
        startedOn: '2026-08-10',
        expectedEndOn: '2028-06-30',
      })
    ).recordEducationEnrolment;
    expect(enrolment).toMatchObject({ level: 'VOCATIONAL', outcome: null, person: { id: parent } });
    await kit.refused(
      OUTCOME,
      { educationEnrolmentId: enrolment.id, outcome: 'DROPPED_OUT', on: '2026-08-09' },
      'input.on',
    );
    const done = (
      await request(OUTCOME, { educationEnrolmentId: enrolment.id, outcome: 'DROPPED_OUT', on: '2026-11-01' })
    ).recordEducationOutcome;
    expect(done.outcome).toEqual({ kind: 'DROPPED_OUT', on: '2026-11-01' });
    await kit.refused(
      OUTCOME,
      { educationEnrolmentId: enrolment.id, outcome: 'COMPLETED', on: '2027-01-01' },
      'input.educationEnrolmentId',
    );
    const { person } = await kit.stack.graph.request(jobcenter, PERSON, { id: parent });
    expect(person.educationEnrolments).toEqual([
      {
        id: enrolment.id,
        level: 'VOCATIONAL',
        institution: 'Syddansk Erhvervsskole',
        startedOn: '2026-08-10',
        expectedEndOn: '2028-06-30',
        outcome: { kind: 'DROPPED_OUT', on: '2026-11-01' },
      },
    ]);
    expect(await kit.historyOf(enrolment.id)).toMatchObject([
      { entity: 'EducationEnrolment', operation: 'CREATE' },
      { operation: 'DROP_OUT', before: { outcome: null }, after: { outcome: 'DROPPED_OUT', outcomeOn: '2026-11-01' } },
    ]);
  });

  it('refuses an unknown person, an empty institution and an expected end before the start', async () => {
    const input = { personId: parent, level: 'HIGHER', institution: 'SDU', startedOn: '2026-09-01' };
    await kit.refused(ENROL, { ...input, personId: randomUUID() }, 'input.personId');
    await kit.refused(ENROL, { ...input, institution: ' ' }, 'input.institution');
    await kit.refused(ENROL, { ...input, expectedEndOn: '2026-08-31' }, 'input.expectedEndOn');
  });
});
