import { randomUUID } from 'node:crypto';
import { jobcenter, startJobcenterKit, type JobcenterKit } from '../benefit-period/__tests__/jobcenter-kit';

/** Target groups through the gateway: a new group closes the open one the day before; no overlaps. */
let kit: JobcenterKit;
let parent: string;

const ASSIGN = `mutation($input: AssignTargetGroupInput!) {
  assignTargetGroup(input: $input) { id targetGroup from to person { id } } }`;
const PERSON = `query($id: ID!) { person(id: $id) {
  targetGroups { id targetGroup from to }
  jan: targetGroup(on: "2026-01-15") { targetGroup }
  lastDay: targetGroup(on: "2026-03-31") { targetGroup }
  april: targetGroup(on: "2026-04-01") { targetGroup }
  before: targetGroup(on: "2020-01-01") { targetGroup } } }`;

const assign = async (input: Record<string, unknown>) =>
  (await kit.stack.graph.request(jobcenter, ASSIGN, { input })).assignTargetGroup;

beforeAll(async () => {
  kit = await startJobcenterKit();
  [parent] = (await kit.createFamily('TARGET-1', ['1988-08-08'])).memberIds as [string];
});

afterAll(async () => {
  await kit?.close();
});

describe('target groups', () => {
  it('assigns groups over time: each new one closes the open one the day before, with history', async () => {
    const first = await assign({ personId: parent, targetGroup: 'AKTIVITETSPARAT', from: '2026-01-01' });
    expect(first).toMatchObject({
      targetGroup: 'AKTIVITETSPARAT',
      from: '2026-01-01',
      to: null,
      person: { id: parent },
    });
    await assign({ personId: parent, targetGroup: 'JOBPARAT', from: '2026-04-01' });

    const { person } = await kit.stack.graph.request(jobcenter, PERSON, { id: parent });
    expect(person.targetGroups).toMatchObject([
      { targetGroup: 'AKTIVITETSPARAT', from: '2026-01-01', to: '2026-03-31' },
      { targetGroup: 'JOBPARAT', from: '2026-04-01', to: null },
    ]);
    expect(person).toMatchObject({
      jan: { targetGroup: 'AKTIVITETSPARAT' },
      lastDay: { targetGroup: 'AKTIVITETSPARAT' },
      april: { targetGroup: 'JOBPARAT' },
      before: null,
    });
    expect(await kit.historyOf(first.id)).toMatchObject([
      { entity: 'TargetGroupAssignment', operation: 'CREATE', after: { toDate: null } },
      { operation: 'END', before: { toDate: null }, after: { toDate: '2026-03-31' } },
    ]);
  });

  it('refuses a start not after the open one, an overlap with an ended one, and an unknown person', async () => {
    await kit.refused(ASSIGN, { personId: parent, targetGroup: 'UDDANNELSESPARAT', from: '2026-04-01' }, 'input.from');
    await kit.refused(
      ASSIGN,
      { personId: parent, targetGroup: 'UDDANNELSESPARAT', from: '2025-12-01', to: '2026-01-01' },
      'input.from',
    );
    await kit.refused(
      ASSIGN,
      { personId: randomUUID(), targetGroup: 'JOBPARAT', from: '2026-01-01' },
      'input.personId',
    );
    // The day before the first assignment is free.
    const earlier = await assign({
      personId: parent,
      targetGroup: 'UDDANNELSESPAALAEG',
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(earlier).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
  });
});
