import { demoCaseworker, loadDemoData } from './demo-data';
import { loadDemoRegistrations } from './demo-registration';
import { startTestStack, type TestStack } from './test-stack';

/** The demo's monthly registrations load through the graph once, and give a progression to look at. */
let stack: TestStack;
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
