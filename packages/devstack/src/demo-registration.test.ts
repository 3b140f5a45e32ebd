import { useClock } from '@helhed/testing';
import { demoCaseworker, loadDemoData } from './demo-data';
import { loadDemoRegistrations } from './demo-registration';
import { startTestStack, type TestStack } from './test-stack';

/** The demo's monthly registrations load through the graph once, and give a progression to look at. */
let stack: TestStack;
// The demo data is written for a day in December 2026 (teams from 1 November, follow-ups due since): the clock
// is pinned there, so the file passes whatever day it runs.
useClock('2026-12-07T10:00:00+01:00');

beforeAll(async () => {
  stack = await startTestStack();
  await loadDemoData(stack.graph);
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

it('loads the demo registrations once, with months confirmed unchanged and a progression', async () => {
  expect(await loadDemoRegistrations(stack.graph)).toBe(1);
  expect(await loadDemoRegistrations(stack.graph)).toBe(0);
  const family = await demoCaseworker(stack.graph, 'FAMILY');
  const { familyByCaseReference: f } = await stack.graph.request(
    family,
    `{ familyByCaseReference(caseReference: "VEJ-2026-0001") {
        registrationMonth(month: "2026-10") { familyPart { done } familyRegistration { confirmedUnchanged } }
        members { firstName familyProgression { indicator baseline latest direction } } } }`,
  );
  expect(f.registrationMonth.every((m: any) => m.familyPart.done && m.familyRegistration.confirmedUnchanged)).toBe(
    true,
  );
  const emil = f.members.find((m: any) => m.firstName === 'Emil');
  const sdq = emil.familyProgression.find((p: any) => p.indicator === 'SDQ_TOTAL_DIFFICULTIES');
  expect(sdq).toEqual({ indicator: 'SDQ_TOTAL_DIFFICULTIES', baseline: 18, latest: 13, direction: 'IMPROVING' });
});
