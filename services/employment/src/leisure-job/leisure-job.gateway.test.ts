/** @clock-sensitive dst-spring */
import { randomUUID } from 'node:crypto';
import { useClock } from '@helhed/testing';
import { addDays, addMonths, todayInDenmark } from '../dates';
import { jobcenter, startJobcenterKit, type JobcenterKit } from '../benefit-period/__tests__/jobcenter-kit';

/** Children's leisure jobs through the gateway: 13 on the start date, "held" after 3 months. */
let kit: JobcenterKit;
let parent: string;
let child: string;
let companyId: string;

const RECORD = `mutation($input: RecordLeisureJobInput!) { recordLeisureJob(input: $input) {
  id hoursPerWeek startedOn endedOn heldFrom held heldKnown employer { name } person { id } } }`;
const END = `mutation($input: EndLeisureJobInput!) { endLeisureJob(input: $input) { id endedOn held heldKnown } }`;
const JOBS = `query($id: ID!) { person(id: $id) { leisureJobs { startedOn endedOn held heldKnown } } }`;

const record = async (input: Record<string, unknown>) =>
  (await kit.stack.graph.request(jobcenter, RECORD, { input })).recordLeisureJob;
const job = (startedOn: string, over: Record<string, unknown> = {}) => ({
  personId: child,
  employerCompanyId: companyId,
  hoursPerWeek: 6,
  startedOn,
  ...over,
});

beforeAll(async () => {
  kit = await startJobcenterKit();
  // The child turns 13 on 2024-05-10.
  [parent, child] = (await kit.createFamily('LEISURE-1', ['1980-01-01', '2011-05-10'])).memberIds as [string, string];
  const { registerCompany } = await kit.stack.graph.request(
    jobcenter,
    `mutation($input: RegisterCompanyInput!) { registerCompany(input: $input) { id } }`,
    { input: { cvr: '65432102', name: 'Netto Vejle' } },
  );
  companyId = registerCompany.id;
});

afterAll(async () => {
  await kit?.close();
});

describe('leisure jobs', () => {
  // "Held" is reckoned from today in each request: the clock stands still at the run's instant, so the
  // expectations computed from today hold even when the run crosses midnight.
  useClock('current', { frozen: true });

  it('refuses a child the day before the 13th birthday, and allows the birthday itself', async () => {
    const error = await kit.refused(RECORD, job('2024-05-09', { endedOn: '2024-06-30' }), 'input.startedOn');
    expect(error.message).toMatch(/under 13 on the start date/);
    const first = await record(job('2024-05-10', { endedOn: '2024-08-09' }));
    expect(first).toMatchObject({ startedOn: '2024-05-10', employer: { name: 'Netto Vejle' }, person: { id: child } });
  });

  it('refuses a parent, an unknown child or employer, and more than 20 hours', async () => {
    await kit.refused(RECORD, job('2026-01-01', { personId: parent }), 'input.personId');
    await kit.refused(RECORD, job('2026-01-01', { personId: randomUUID() }), 'input.personId');
    await kit.refused(RECORD, job('2026-01-01', { employerCompanyId: randomUUID() }), 'input.employerCompanyId');
    await kit.refused(RECORD, job('2026-01-01', { hoursPerWeek: 20.5 }), 'input.hoursPerWeek');
  });

  it('is held when the child still has the job 3 months after the start, across the boundary', async () => {
    // Ended the day before 3 months had passed: not held (known).
    expect(await record(job('2024-09-01', { endedOn: '2024-11-30' }))).toMatchObject({
      heldFrom: '2024-12-01',
      held: false,
      heldKnown: true,
    });
    // Ended on the day 3 months had passed: held.
    expect(await record(job('2024-12-01', { endedOn: '2025-03-01' }))).toMatchObject({ held: true, heldKnown: true });

    const today = todayInDenmark();
    // Started 3 months ago today and ongoing: held, known today.
    const old = await record(job(addMonths(today, -3)));
    expect(old).toMatchObject({ held: true, heldKnown: true });
    // Started 80 days ago and ongoing: the 3 months have not passed, so held is false and not yet known.
    const young = await record(job(addDays(today, -80)));
    expect(young).toMatchObject({ held: false, heldKnown: false });
    expect(young.heldFrom > today).toBe(true);
    // Ended today, before the 3 months: known not to be held.
    const ended = (await kit.stack.graph.request(jobcenter, END, { input: { leisureJobId: young.id, endedOn: today } }))
      .endLeisureJob;
    expect(ended).toMatchObject({ endedOn: today, held: false, heldKnown: true });
    await kit.refused(END, { leisureJobId: young.id, endedOn: addDays(today, 1) }, 'input.leisureJobId');
    expect(await kit.historyOf(young.id)).toMatchObject([
      { entity: 'LeisureJob', operation: 'CREATE', after: { endedOn: null } },
      { operation: 'END', before: { endedOn: null }, after: { endedOn: today } },
    ]);

    const { person } = await kit.stack.graph.request(jobcenter, JOBS, { id: child });
    expect(person.leisureJobs.map((j: { held: boolean }) => j.held)).toEqual([false, false, true, true, false]);
  });
});
