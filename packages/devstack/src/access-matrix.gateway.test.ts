import type { Identity } from '@helhed/identity';
import { identity, today } from '@helhed/testing';
import { startTestStack, type TestStack } from './test-stack';

/**
 * The access rules (DESIGN.md "Access rules", `decideRead` in
 * packages/identity/src/policy.ts) as ONE table, asked through the gateway
 * across the subgraphs: caller (role × department × team situation) ×
 * consent of the person asked about × category → the data or FORBIDDEN, with
 * one representative field per category in the subgraph that owns it. Every
 * row is run, and on a difference jest prints the expected and the actual
 * table line by line. Then: a withdrawn consent counts from the next request.
 *
 * The family: four adults of municipality 630, alike but for their consent
 * (given to every department for SOCIAL, EMPLOYMENT, HEALTH and ECONOMY):
 * none, valid today, withdrawn, expired. Each has an employment period, a
 * benefit period (priced), a health assessment; the family has a plan, a
 * team of one caseworker per department, and is enrolled in project A.
 */
jest.setTimeout(300_000);

type Role = 'CASEWORKER' | 'PROJECT_LEAD' | 'ADMIN' | 'SERVICE' | 'NATIONAL_MONITOR';
type Department = Identity['department'];
type Team = 'on team' | 'off team' | "lead of family's project" | 'lead of other project' | '-';
type Consent = 'none' | 'covers' | 'withdrawn' | 'expired';
type Outcome = 'DATA' | 'FORBIDDEN';
const D: Outcome = 'DATA';
const F: Outcome = 'FORBIDDEN';

/** One representative field per category, in the subgraph that owns it: the query below `person(id)`, and where its value is. */
const CATEGORIES = {
  BASIC: { field: 'firstName', path: ['firstName'] }, // family
  SOCIAL: { field: 'civilSocietyParticipations { id }', path: ['civilSocietyParticipations'] }, // family
  PLAN: { field: 'family { plan { id } }', path: ['family', 'plan'] }, // family
  INDICATOR: { field: 'familyProgression { __typename }', path: ['familyProgression'] }, // family (monthly registration)
  EMPLOYMENT: { field: 'employmentPeriods { id }', path: ['employmentPeriods'] }, // employment
  HEALTH_CLINICAL: { field: 'healthAssessments { mental }', path: ['healthAssessments', 0, 'mental'] }, // health
  HEALTH_SUMMARY: { field: 'healthAssessments { summaryForTeam }', path: ['healthAssessments', 0, 'summaryForTeam'] }, // health
  ECONOMY: {
    field: 'monthlyBenefitCost(month: "2026-10") { total { ore } }',
    path: ['monthlyBenefitCost', 'total', 'ore'],
  }, // economy
} as const;
type Category = keyof typeof CATEGORIES;
const CATEGORY_NAMES = Object.keys(CATEGORIES) as Category[];

// prettier-ignore
/**
 * THE TABLE. Columns: role, department, team situation, consent of the person
 * asked about → BASIC, SOCIAL, PLAN, INDICATOR, EMPLOYMENT, HEALTH clinical,
 * HEALTH summary, ECONOMY.
 * - On the team: BASIC, the plan and indicators; the own department's category
 *   in full; another department's category only with a valid consent covering
 *   it (withdrawn or expired counts as none); HEALTH clinical detail only for HEALTH.
 * - Off the team (own department or not, consent or not): nothing.
 * - The project lead of the family's project: BASIC, plan, indicators; of another project: nothing.
 * - An administrator not on the team: BASIC. The reminder worker: BASIC and the plan. A national monitor: nothing.
 */
const TABLE: Array<[Role, Department, Team, Consent, ...Outcome[]]> = [
  //                                                      BASIC SOCIAL PLAN IND EMPL H-CLIN H-SUM ECON
  ['CASEWORKER', 'FAMILY', 'on team', 'none',           D, D, D, D, F, F, F, F],
  ['CASEWORKER', 'FAMILY', 'on team', 'covers',         D, D, D, D, D, F, D, D],
  ['CASEWORKER', 'FAMILY', 'on team', 'withdrawn',      D, D, D, D, F, F, F, F],
  ['CASEWORKER', 'FAMILY', 'on team', 'expired',        D, D, D, D, F, F, F, F],
  ['CASEWORKER', 'JOBCENTER', 'on team', 'none',        D, F, D, D, D, F, F, F],
  ['CASEWORKER', 'JOBCENTER', 'on team', 'covers',      D, D, D, D, D, F, D, D],
  ['CASEWORKER', 'JOBCENTER', 'on team', 'withdrawn',   D, F, D, D, D, F, F, F],
  ['CASEWORKER', 'JOBCENTER', 'on team', 'expired',     D, F, D, D, D, F, F, F],
  ['CASEWORKER', 'HEALTH', 'on team', 'none',           D, F, D, D, F, D, D, F],
  ['CASEWORKER', 'HEALTH', 'on team', 'covers',         D, D, D, D, D, D, D, D],
  ['CASEWORKER', 'HEALTH', 'on team', 'withdrawn',      D, F, D, D, F, D, D, F],
  ['CASEWORKER', 'HEALTH', 'on team', 'expired',        D, F, D, D, F, D, D, F],
  ['CASEWORKER', 'ECONOMY', 'on team', 'none',          D, F, D, D, F, F, F, D],
  ['CASEWORKER', 'ECONOMY', 'on team', 'covers',        D, D, D, D, D, F, D, D],
  ['CASEWORKER', 'ECONOMY', 'on team', 'withdrawn',     D, F, D, D, F, F, F, D],
  ['CASEWORKER', 'ECONOMY', 'on team', 'expired',       D, F, D, D, F, F, F, D],
  ['CASEWORKER', 'FAMILY', 'off team', 'none',          F, F, F, F, F, F, F, F],
  ['CASEWORKER', 'FAMILY', 'off team', 'covers',        F, F, F, F, F, F, F, F],
  ['CASEWORKER', 'JOBCENTER', 'off team', 'none',       F, F, F, F, F, F, F, F],
  ['CASEWORKER', 'JOBCENTER', 'off team', 'covers',     F, F, F, F, F, F, F, F],
  ['CASEWORKER', 'HEALTH', 'off team', 'none',          F, F, F, F, F, F, F, F],
  ['CASEWORKER', 'HEALTH', 'off team', 'covers',        F, F, F, F, F, F, F, F],
  ['CASEWORKER', 'ECONOMY', 'off team', 'none',         F, F, F, F, F, F, F, F],
  ['CASEWORKER', 'ECONOMY', 'off team', 'covers',       F, F, F, F, F, F, F, F],
  ['PROJECT_LEAD', 'FAMILY', "lead of family's project", 'none',   D, F, D, D, F, F, F, F],
  ['PROJECT_LEAD', 'FAMILY', "lead of family's project", 'covers', D, F, D, D, F, F, F, F],
  ['PROJECT_LEAD', 'FAMILY', 'lead of other project', 'none',      F, F, F, F, F, F, F, F],
  ['PROJECT_LEAD', 'FAMILY', 'lead of other project', 'covers',    F, F, F, F, F, F, F, F],
  ['ADMIN', 'FAMILY', 'off team', 'covers',             D, F, F, F, F, F, F, F],
  // The reminder worker reads BASIC and the plan only through its own queries (followUpsDue, registrationMonths,
  // caseworkers, projectLeadsOn: services/reminders); looking a person up by id answers it nothing.
  ['SERVICE', 'FAMILY', '-', 'covers',                  F, F, F, F, F, F, F, F],
  ['NATIONAL_MONITOR', 'FAMILY', '-', 'covers',         F, F, F, F, F, F, F, F],
];

let stack: TestStack;
const admin = identity('FAMILY', { userId: 'matrix-admin', roles: ['ADMIN'] });
const persons = {} as Record<Consent, string>;
const consents = {} as Record<Consent, string>;
const callers = new Map<string, Identity>();
const callerKey = (role: Role, department: Department, team: Team) => `${role}/${department}/${team}`;

beforeAll(async () => {
  stack = await startTestStack();
  const g = stack.graph;
  await g.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  const register = async (name: string, department: Department, roles: Role[] = ['CASEWORKER']) => {
    const { registerCaseworker } = await g.request(
      admin,
      `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
      { input: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@matrix.example`, department, roles } },
    );
    return identity(department, { userId: registerCaseworker.id, roles: roles as Identity['roles'] });
  };
  const departments: Department[] = ['FAMILY', 'JOBCENTER', 'HEALTH', 'ECONOMY'];
  for (const d of departments) {
    callers.set(callerKey('CASEWORKER', d, 'on team'), await register(`On ${d}`, d));
    callers.set(callerKey('CASEWORKER', d, 'off team'), await register(`Off ${d}`, d));
  }
  const leadA = await register('Lead A', 'FAMILY', ['PROJECT_LEAD']);
  const leadB = await register('Lead B', 'FAMILY', ['PROJECT_LEAD']);
  callers.set(callerKey('PROJECT_LEAD', 'FAMILY', "lead of family's project"), leadA);
  callers.set(callerKey('PROJECT_LEAD', 'FAMILY', 'lead of other project'), leadB);
  callers.set(callerKey('ADMIN', 'FAMILY', 'off team'), admin);
  callers.set(
    callerKey('SERVICE', 'FAMILY', '-'),
    identity('FAMILY', { userId: 'reminder-worker', roles: ['SERVICE'] }),
  );
  callers.set(
    callerKey('NATIONAL_MONITOR', 'FAMILY', '-'),
    identity('FAMILY', { userId: 'monitor', roles: ['NATIONAL_MONITOR'] }),
  );
  const on = (d: Department) => callers.get(callerKey('CASEWORKER', d, 'on team'))!;

  const cprs: Record<Consent, string> = {
    none: '0102851111',
    covers: '0203862222',
    withdrawn: '0304873333',
    expired: '0405884444',
  };
  const { createFamily } = await g.request(
    on('FAMILY'),
    `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id cprMasked } } }`,
    {
      input: {
        caseReference: 'MATRIX-1',
        enrolmentDate: '2026-01-05',
        members: (Object.keys(cprs) as Consent[]).map((c) => ({
          cpr: cprs[c],
          firstName: `Matrix${c[0]!.toUpperCase()}${c.slice(1)}`,
          lastName: 'Tabel',
          role: 'PARENT',
        })),
      },
    },
  );
  const familyId: string = createFamily.id;
  for (const c of Object.keys(cprs) as Consent[]) {
    persons[c] = createFamily.members.find((m: { cprMasked: string }) =>
      m.cprMasked.startsWith(cprs[c].slice(0, 6)),
    ).id;
  }
  for (const d of departments) {
    await g.request(
      on('FAMILY'),
      `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`,
      { input: { familyId, caseworkerId: on(d).userId, from: '2026-01-05' } },
    );
  }
  await g.request(on('FAMILY'), `mutation($input: CreateFamilyPlanInput!) { createFamilyPlan(input: $input) { id } }`, {
    input: {
      familyId,
      startsOn: '2026-01-05',
      followUpCadenceWeeks: 8,
      phases: [{ name: 'Fase 1', startsOn: '2026-01-05', endsOn: '2026-12-31', focus: 'Hverdagen' }],
      goals: [{ description: 'A calmer everyday life', targetDate: '2026-12-31' }],
    },
  });

  // Projects: A (the family enrolled, led by lead A) and B (led by lead B).
  const project = async (name: string, lead: Identity) =>
    (
      await g.request(admin, `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`, {
        input: {
          name,
          startsOn: '2026-01-01',
          endsOn: '2028-12-31',
          projectLeadId: lead.userId,
          targetFamilyCount: 10,
        },
      })
    ).createProject.id as string;
  const projectA = await project('Projekt A', leadA);
  await project('Projekt B', leadB);
  await g.request(
    admin,
    `mutation($input: EnrolFamilyInProjectInput!) { enrolFamilyInProject(input: $input) { id } }`,
    {
      input: { projectId: projectA, familyId, enrolledOn: '2026-01-05' },
    },
  );

  // Consents to every department for the departments' categories: valid, withdrawn today, expired.
  for (const c of ['covers', 'withdrawn', 'expired'] as const) {
    const { giveConsent } = await g.request(
      on('FAMILY'),
      `mutation($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`,
      {
        input: {
          personId: persons[c],
          givenById: persons[c],
          departments,
          categories: ['SOCIAL', 'EMPLOYMENT', 'HEALTH', 'ECONOMY'],
          purpose: 'Samlet plan',
          ...(c === 'expired' ? { validFrom: '2025-01-01', validTo: '2025-12-31' } : { validFrom: '2026-01-05' }),
        },
      },
    );
    consents[c] = giveConsent.id;
  }
  await g.request(on('FAMILY'), `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id } }`, {
    input: { consentId: consents.withdrawn, withdrawnOn: today() },
  });

  // Each department's data of each person.
  await g.request(
    on('ECONOMY'),
    `mutation($input: AddPriceCatalogueEntryInput!) { addPriceCatalogueEntry(input: $input) { id } }`,
    { input: { costType: 'KONTANTHJAELP', unit: 'MONTH', priceOre: 1_650_000, validFrom: '2024-01-01' } },
  );
  for (const id of Object.values(persons)) {
    await g.request(
      on('JOBCENTER'),
      `mutation($input: RecordEmploymentPeriodInput!) { recordEmploymentPeriod(input: $input) { id } }`,
      { input: { personId: id, kind: 'NONE', hoursPerWeek: 0, from: '2026-02-01' } },
    );
    await g.request(
      on('JOBCENTER'),
      `mutation($input: RecordBenefitPeriodInput!) { recordBenefitPeriod(input: $input) { id } }`,
      { input: { personId: id, type: 'KONTANTHJAELP', from: '2026-01-01' } },
    );
    await g.request(
      on('HEALTH'),
      `mutation($input: RecordHealthAssessmentInput!) { recordHealthAssessment(input: $input) { id } }`,
      {
        input: {
          personId: id,
          assessedOn: '2026-03-01',
          mental: 'Clinical note for the matrix',
          summaryForTeam: 'Summary for the team',
        },
      },
    );
  }
});

afterAll(async () => {
  await stack?.close();
});

type Answer = { data?: any; errors?: Array<{ path?: Array<string | number>; extensions?: { code?: string } }> };

/** What the caller gets of one category of one person: the data, FORBIDDEN, or what else came back. */
async function outcome(caller: Identity, personId: string, category: Category): Promise<string> {
  const { field, path } = CATEGORIES[category];
  const res = (await stack.post(caller, `query($id: ID!) { person(id: $id) { id ${field} } }`, {
    id: personId,
  })) as Answer;
  let value: any = res.data?.person;
  for (const step of path) value = value?.[step];
  if (value !== null && value !== undefined) return 'DATA';
  const codes = new Set((res.errors ?? []).map((e) => e.extensions?.code));
  if (codes.has('FORBIDDEN')) return 'FORBIDDEN';
  return codes.size > 0 ? [...codes].join('+') : 'NOTHING';
}

const header = ['role', 'department', 'team', 'consent', ...CATEGORY_NAMES];
const widths = [16, 10, 24, 9, ...CATEGORY_NAMES.map((c) => Math.max(c.length, 9))];
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');

describe('the access matrix through the gateway', () => {
  it('gives every caller, in every situation, of every category what the rules say', async () => {
    const expected: string[] = [line(header)];
    const actual: string[] = [line(header)];
    for (const [role, department, team, consent, ...cells] of TABLE) {
      const caller = callers.get(callerKey(role, department, team))!;
      const got: string[] = [];
      for (const category of CATEGORY_NAMES) got.push(await outcome(caller, persons[consent], category));
      expected.push(line([role, department, team, consent, ...cells]));
      actual.push(line([role, department, team, consent, ...got]));
    }
    // On failure jest prints the two tables line by line; a differing line is a cell that breaks the rules.
    expect(actual).toEqual(expected);
  });

  it('counts a withdrawn consent from the next request', async () => {
    const family = callers.get(callerKey('CASEWORKER', 'FAMILY', 'on team'))!;
    const before = await Promise.all(
      (['EMPLOYMENT', 'HEALTH_SUMMARY', 'ECONOMY'] as const).map((c) => outcome(family, persons.covers, c)),
    );
    expect(before).toEqual(['DATA', 'DATA', 'DATA']);
    await stack.graph.request(
      family,
      `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id } }`,
      { input: { consentId: consents.covers, withdrawnOn: today() } },
    );
    const after = await Promise.all(
      (['EMPLOYMENT', 'HEALTH_SUMMARY', 'ECONOMY', 'BASIC'] as const).map((c) => outcome(family, persons.covers, c)),
    );
    expect(after).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'DATA']);
  });
});
