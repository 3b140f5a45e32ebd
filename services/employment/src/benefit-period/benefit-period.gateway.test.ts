import { randomUUID } from 'node:crypto';
import { queryDatabase } from '@helhed/testing';
import { elsewhere, familyDept, jobcenter, startJobcenterKit, type JobcenterKit } from './__tests__/jobcenter-kit';

/** Benefit periods through the gateway: the person must exist, one benefit at a time, ending a period keeps history. */
let kit: JobcenterKit;
let parent: string;
let other: string;
let familyId: string;

const RECORD = `mutation($input: RecordBenefitPeriodInput!) {
  recordBenefitPeriod(input: $input) { id type from to person { id } } }`;
const END = `mutation($input: EndBenefitPeriodInput!) { endBenefitPeriod(input: $input) { id type from to } }`;
const PERSON = `query($id: ID!) { person(id: $id) { id benefitPeriods { type from to } } }`;

const record = async (input: Record<string, unknown>) =>
  (await kit.stack.graph.request(jobcenter, RECORD, { input })).recordBenefitPeriod;

beforeAll(async () => {
  kit = await startJobcenterKit();
  const family = await kit.createFamily('BENEFIT-1', ['1985-04-01', '1990-02-03']);
  familyId = family.id;
  [parent, other] = family.memberIds as [string, string];
});

afterAll(async () => {
  await kit?.close();
});

describe('benefit periods', () => {
  it("records periods of a person the family subgraph knows, with the person's family in the history", async () => {
    const first = await record({ personId: parent, type: 'KONTANTHJAELP', from: '2025-01-01', to: '2025-12-31' });
    expect(first).toMatchObject({
      type: 'KONTANTHJAELP',
      from: '2025-01-01',
      to: '2025-12-31',
      person: { id: parent },
    });
    await record({ personId: parent, type: 'SYGEDAGPENGE', from: '2026-01-01' });
    const { person } = await kit.stack.graph.request(jobcenter, PERSON, { id: parent });
    expect(person.benefitPeriods).toEqual([
      { type: 'KONTANTHJAELP', from: '2025-01-01', to: '2025-12-31' },
      { type: 'SYGEDAGPENGE', from: '2026-01-01', to: null },
    ]);
    const [created] = await kit.historyOf(first.id);
    expect(created).toMatchObject({ entity: 'BenefitPeriod', operation: 'CREATE', after: { type: 'KONTANTHJAELP' } });
    const [row] = await queryDatabase(
      kit.stack.databases.employment.url,
      'SELECT family_id FROM benefit_period WHERE id = $1',
      [first.id],
    );
    expect(row).toEqual({ family_id: familyId });
  });

  it('refuses a person the family subgraph does not know, or one of another municipality', async () => {
    const input = { personId: randomUUID(), type: 'KONTANTHJAELP', from: '2026-01-01' };
    const error = await kit.refused(RECORD, input, 'input.personId');
    expect(error.message).toMatch(/no person with this id/);
    await kit.refused(RECORD, { ...input, personId: other }, 'input.personId', elsewhere);
  });

  it('refuses overlapping periods of the same person (inclusive dates, an open end is ongoing)', async () => {
    // The ongoing SYGEDAGPENGE period from 2026-01-01 covers every later day.
    const ongoing = await kit.refused(
      RECORD,
      { personId: parent, type: 'KONTANTHJAELP', from: '2027-06-01', to: '2027-06-30' },
      'input.from',
    );
    expect(ongoing.message).toMatch(/SYGEDAGPENGE period from 2026-01-01, ongoing/);
    // Ends on the first day of the ended period: one shared day is an overlap.
    await kit.refused(RECORD, { personId: parent, type: 'NONE', from: '2024-06-01', to: '2025-01-01' }, 'input.from');
    // An open period that starts before an ended one overlaps it.
    await kit.refused(RECORD, { personId: parent, type: 'NONE', from: '2024-06-01' }, 'input.from');
    // The day before is free; another person is not affected.
    await record({ personId: parent, type: 'NONE', from: '2024-06-01', to: '2024-12-31' });
    await record({ personId: other, type: 'KONTANTHJAELP', from: '2025-06-01' });
  });

  it('ends an ongoing period, keeps the history, and then accepts the next period', async () => {
    const { person } = await kit.stack.graph.request(
      jobcenter,
      `query($id: ID!) { person(id: $id) { benefitPeriods { id to } } }`,
      { id: parent },
    );
    const open = person.benefitPeriods.find((p: { to: string | null }) => p.to === null);
    await kit.refused(END, { benefitPeriodId: open.id, to: '2025-12-31' }, 'input.to');
    const { endBenefitPeriod } = await kit.stack.graph.request(jobcenter, END, {
      input: { benefitPeriodId: open.id, to: '2026-03-31' },
    });
    expect(endBenefitPeriod).toMatchObject({ type: 'SYGEDAGPENGE', from: '2026-01-01', to: '2026-03-31' });
    await kit.refused(END, { benefitPeriodId: open.id, to: '2026-04-30' }, 'input.benefitPeriodId');
    await kit.refused(END, { benefitPeriodId: randomUUID(), to: '2026-04-30' }, 'input.benefitPeriodId');

    expect(await kit.historyOf(open.id)).toMatchObject([
      { operation: 'CREATE', after: { toDate: null } },
      { operation: 'END', before: { toDate: null }, after: { toDate: '2026-03-31' } },
    ]);
    const next = await record({ personId: parent, type: 'KONTANTHJAELP', from: '2026-04-01' });
    expect(next).toMatchObject({ from: '2026-04-01', to: null });
  });

  it('lets only the jobcenter record and end periods', async () => {
    const res = await kit.stack.post(familyDept, RECORD, {
      input: { personId: parent, type: 'NONE', from: '2030-01-01' },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
