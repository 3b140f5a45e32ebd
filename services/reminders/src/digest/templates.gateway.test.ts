import { addBusinessDays, addDays } from '@helhed/calendar';
import { demoCaseworker, loadDemoData, startTestStack, type TestStack } from '@helhed/devstack';
import { CPR_PATTERN, TEST_SECRETS } from '@helhed/testing';
import { silentLogger } from '../__tests__/harness';
import type { CaseworkerRef } from '../due/due';
import { GraphDueSource } from '../due/graph-due-source';
import { DEFAULT_LEAD_TIMES } from '../rules/lead-times';
import { remindersFor, type MissingMember, type Reminder } from '../rules/rules';
import { readDue } from './daily-digest';
import { buildDigests } from './digest';
import type { DigestStore } from './digest-store';

/**
 * Every template, in both languages, rendered from the seeded demo data read
 * through the gateway with the worker's SERVICE identity: no CPR number, no
 * citizen's name, no health detail — in the subject, the text or the HTML.
 */
jest.setTimeout(120_000);

let stack: TestStack;
let source: GraphDueSource;
const forbidden: { names: string[]; health: string[] } = { names: [], health: [] };
// A CPR number, masked or not — but not digits inside a UUID (the case links carry family ids): the shared pattern.
const CPR = CPR_PATTERN;

beforeAll(async () => {
  stack = await startTestStack();
  await loadDemoData(stack.graph);
  source = new GraphDueSource({
    GATEWAY_URL: stack.gatewayUrl,
    JWT_ISSUER: 'helhed-test',
    JWT_AUDIENCE: 'helhed',
    JWT_SECRET: TEST_SECRETS.jwt,
  });
  // What must never appear: every seeded citizen's names, and the health department's texts.
  // As the demo's health coordinator (on the demo teams: the family subgraph shows a family to its team).
  const { families } = await stack.graph.request(
    await demoCaseworker(stack.graph, 'HEALTH'),
    `{ families(first: 20) { edges { node { members { firstName lastName
        healthAssessments { summaryForTeam recommendations mental physical substanceUse } }
      formerMembers { firstName lastName } } } } }`,
  );
  for (const { node } of families.edges) {
    for (const m of [...node.members, ...node.formerMembers]) forbidden.names.push(m.firstName, m.lastName);
    for (const m of node.members)
      for (const a of m.healthAssessments ?? [])
        for (const text of [a.summaryForTeam, a.recommendations, a.mental, a.physical, a.substanceUse])
          if (text) forbidden.health.push(text);
  }
});

afterAll(async () => {
  await stack?.close();
});

function expectClean(text: string) {
  expect(text).not.toMatch(CPR);
  for (const name of new Set(forbidden.names))
    expect({ name, found: new RegExp(`\\b${name}\\b`).test(text) }).toEqual({ name, found: false });
  for (const detail of forbidden.health) expect(text.includes(detail)).toBe(false);
}

const noPreferences = { preferences: async () => new Map() } as unknown as DigestStore;

it('reads the seed through the gateway as SERVICE and renders every digest and template without personal data', async () => {
  expect(forbidden.names.length).toBeGreaterThan(5);
  expect(forbidden.health.length).toBeGreaterThan(0);
  const deps = {
    source,
    store: noPreferences,
    lead: DEFAULT_LEAD_TIMES,
    frontendBaseUrl: 'https://helhed.vejle.dk',
    municipalities: ['630'],
    logger: silentLogger(),
  };

  // The seeded follow-ups, and every day on which a rule fires for one of them.
  const all = await source.followUpsDue('630', '2030-12-31');
  expect(all.length).toBeGreaterThan(0);
  const days = new Set<string>();
  for (const f of all)
    for (const n of [-3, 1, 10]) days.add(n < 0 ? addBusinessDays(f.dueOn, n) : addBusinessDays(f.dueOn, n));
  const reminders: Reminder[] = [];
  for (const day of days) {
    const due = await readDue(deps, '630', day);
    reminders.push(...remindersFor(day, due, DEFAULT_LEAD_TIMES));
  }
  const kinds = new Set(reminders.map((r) => r.kind));
  // Every follow-up rule fires for the seed; registration reminders fire too when one of these days
  // falls on a registration lead day of the seeded months (it depends on today), and are added below anyway.
  for (const kind of ['FOLLOW_UP_SOON', 'FOLLOW_UP_OVERDUE', 'FOLLOW_UP_ESCALATED']) expect(kinds).toContain(kind);

  // The registration templates with the seed's case references and caseworkers (read from the graph too).
  const caseworkers: CaseworkerRef[] = (
    await source.request<{ caseworkers: CaseworkerRef[] }>('630', '{ caseworkers { id name email department } }')
  ).caseworkers;
  const caseReferences = [...new Set(all.map((f) => f.caseReference))];
  const member = (n: number, department: MissingMember['department']): MissingMember => ({
    memberNumber: n,
    memberRole: n === 1 ? 'PARENT' : n === 2 ? 'OTHER_ADULT' : 'CHILD',
    department,
    responsibleName: caseworkers[n % caseworkers.length]!.name,
  });
  for (const [i, caseReference] of caseReferences.entries()) {
    const recipient = caseworkers[i % caseworkers.length]!;
    const members = [member(1, 'JOBCENTER'), member(2, 'HEALTH'), member(3, 'FAMILY'), member(3, 'ECONOMY')];
    const base = {
      recipient,
      familyId: all[i]!.familyId,
      caseReference,
      month: '2026-03',
      deadline: '2026-04-10',
      members,
    };
    reminders.push(
      { ...base, kind: 'REGISTRATION_MISSING' },
      { ...base, kind: 'REGISTRATION_PART_OVERDUE', onBehalfOf: caseworkers[0]!.name },
    );
  }
  reminders.push({
    kind: 'REGISTRATION_OVERVIEW',
    recipient: caseworkers[0]!,
    month: '2026-03',
    deadline: '2026-04-10',
    perCaseworker: caseworkers.map((c, i) => ({ caseworkerName: c.name, missingParts: i + 1, caseReferences })),
  });

  let rendered = 0;
  for (const language of ['da', 'en'] as const) {
    const preferences = new Map(
      caseworkers.map((c) => [
        c.id,
        { caseworkerId: c.id, language, absentFrom: null, absentTo: null, substituteId: null },
      ]),
    );
    for (const digest of buildDigests(addDays('2026-04-13', 0), reminders, preferences, deps.frontendBaseUrl)) {
      for (const text of [digest.subject, digest.text, digest.html]) expectClean(text);
      expect(digest.text).toContain('https://helhed.vejle.dk/families/');
      rendered += 1;
    }
  }
  expect(rendered).toBeGreaterThanOrEqual(2);
});

it('the worker identity cannot read a person through the gateway', async () => {
  await expect(
    source.request('630', '{ families(first: 5) { edges { node { caseReference members { firstName } } } } }'),
  ).rejects.toThrow(/service identity reads no person's data/);
});
