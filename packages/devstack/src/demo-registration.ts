import type { Identity } from '@helhed/identity';
import type { GraphClient } from './graph-client';

/**
 * The family department's demo monthly registrations: a few months for the
 * Jensen and Hassan families, registered the way a caseworker would — a full
 * first month, later months with only what changed, and months confirmed
 * unchanged for the whole family in one step. Added once (Mette's first month
 * marks it), so loading twice changes nothing.
 */
const SEED_FAMILY: Identity = {
  userId: 'seed-family',
  municipality: '630',
  department: 'FAMILY',
  roles: ['CASEWORKER'],
};

/** The demo's family caseworker, Anne (on the demo families' teams: the team rule), as registered. */
async function familyCaseworker(graph: GraphClient): Promise<Identity> {
  const admin: Identity = { ...SEED_FAMILY, roles: ['ADMIN'] };
  const { caseworkers } = await graph.request<{ caseworkers: Array<{ id: string; email: string }> }>(
    admin,
    `{ caseworkers { id email } }`,
  );
  const anne = caseworkers.find((c) => c.email === 'anne.kjaer@vejle.example');
  return anne ? { ...SEED_FAMILY, userId: anne.id } : SEED_FAMILY;
}

type Family = { id: string; members: Array<{ id: string; firstName: string }> } | null;
const FAMILY = `query($ref: String!) { familyByCaseReference(caseReference: $ref) { id members { id firstName } } }`;
const REGISTER = `mutation($input: RegisterFamilyPartInput!) { registerFamilyPart(input: $input) { personId } }`;
const CONFIRM = `mutation($input: ConfirmUnchangedFamilyMonthInput!) { confirmUnchangedFamilyMonth(input: $input) { personId } }`;

const ICS = [
  'HEALTH',
  'DEVELOPMENT_AND_BEHAVIOUR',
  'DAYCARE_SCHOOL_AND_LEARNING',
  'LEISURE_AND_FRIENDSHIPS',
  'FAMILY_RELATIONS',
];
const VUM = [
  'FUNCTIONS_AND_SOCIAL_PROBLEMS',
  'PRACTICAL_TASKS_AT_HOME',
  'SELF_CARE',
  'MOBILITY',
  'WORK_HOUSING_EDUCATION_ECONOMY',
  'NETWORK',
  'HEALTH',
];
const ics = (scores: number[]) => ICS.map((dimension, i) => ({ dimension, score: scores[i] }));
const vum = (scores: number[]) => VUM.map((theme, i) => ({ theme, score: scores[i] }));

/** Returns 1 when the registrations were added, 0 when they were there already (or the families are missing). */
export async function loadDemoRegistrations(graph: GraphClient): Promise<number> {
  const FAMILY_DEPT = await familyCaseworker(graph);
  const family = async (ref: string) =>
    (await graph.request<{ familyByCaseReference: Family }>(FAMILY_DEPT, FAMILY, { ref })).familyByCaseReference;
  const jensen = await family('VEJ-2026-0001');
  const hassan = await family('VEJ-2026-0002');
  if (!jensen || !hassan) return 0;
  const member = (f: NonNullable<Family>, name: string) => f.members.find((m) => m.firstName === name)!.id;
  const { family: done } = await graph.request<{
    family: { registrationMonth: Array<{ familyPart: { done: boolean } }> };
  }>(
    FAMILY_DEPT,
    `query($id: ID!) { family(id: $id) { registrationMonth(month: "2026-03") { familyPart { done } } } }`,
    { id: jensen.id },
  );
  if (done.registrationMonth.some((m) => m.familyPart.done)) return 0;

  const register = (familyId: string, personId: string, month: string, values: Record<string, unknown> = {}) =>
    graph.request(FAMILY_DEPT, REGISTER, { input: { familyId, personId, month, ...values } });
  const confirm = (familyId: string, month: string) =>
    graph.request(FAMILY_DEPT, CONFIRM, { input: { familyId, month } });

  // The Jensens: March in full (with a parent SDQ for Emil), then only what changed.
  const [mette, emil, freja] = ['Mette', 'Emil', 'Freja'].map((n) => member(jensen, n)) as [string, string, string];
  await register(jensen.id, mette, '2026-03', { vum: vum([3, 2, 1, 0, 4, 3, 3]) });
  await register(jensen.id, emil, '2026-03', {
    ics: ics([1, 3, 3, 2, 2]),
    schoolAttendancePercent: 78,
    gradeAverage: 4.2,
    sdq: { informant: 'PARENT', subscales: { emotional: 4, conduct: 4, hyperactivity: 7, peer: 3, prosocial: 6 } },
  });
  await register(jensen.id, freja, '2026-03', { ics: ics([1, 1, 2, 1, 2]), schoolAttendancePercent: 92 });
  await confirm(jensen.id, '2026-04');
  await register(jensen.id, mette, '2026-05', { vum: [{ theme: 'NETWORK', score: 2 }] });
  await register(jensen.id, emil, '2026-05', { schoolAttendancePercent: 85 });
  await confirm(jensen.id, '2026-05');
  await confirm(jensen.id, '2026-06');
  await register(jensen.id, mette, '2026-07', { vum: [{ theme: 'WORK_HOUSING_EDUCATION_ECONOMY', score: 3 }] });
  await confirm(jensen.id, '2026-07');
  await register(jensen.id, emil, '2026-09', {
    ics: [{ dimension: 'DEVELOPMENT_AND_BEHAVIOUR', score: 2, note: 'Færre konflikter i skolen' }],
    schoolAttendancePercent: 91,
    sdq: { informant: 'PARENT', subscales: { emotional: 3, conduct: 2, hyperactivity: 6, peer: 2, prosocial: 7 } },
  });
  await confirm(jensen.id, '2026-08');
  await confirm(jensen.id, '2026-09');
  await confirm(jensen.id, '2026-10');

  // The Hassans, enrolled in June: a first month in full, then confirmed unchanged.
  const names = ['Ahmed', 'Leila', 'Yasmin', 'Omar', 'Adam'];
  const [ahmed, leila, ...children] = names.map((n) => member(hassan, n)) as [string, string, ...string[]];
  await register(hassan.id, ahmed, '2026-06', { vum: vum([2, 1, 1, 0, 4, 2, 2]) });
  await register(hassan.id, leila, '2026-06', { vum: vum([3, 3, 2, 9, 3, 2, 3]) });
  for (const [i, child] of children.entries()) {
    await register(hassan.id, child, '2026-06', {
      ics: ics([1, 2, 2 - (i % 2), 1, 2]),
      schoolAttendancePercent: 88 + i * 3,
    });
  }
  await confirm(hassan.id, '2026-07');
  await register(hassan.id, leila, '2026-08', { vum: [{ theme: 'FUNCTIONS_AND_SOCIAL_PROBLEMS', score: 2 }] });
  await confirm(hassan.id, '2026-08');
  await confirm(hassan.id, '2026-09');
  return 1;
}
