import { registerCaller } from '@helhed/devstack';
import type { Identity } from '@helhed/identity';
import { identity, queryDatabase } from '@helhed/testing';
import { admin, economy, startEconomyKit, type EconomyKit } from './__tests__/economy-kit';

/**
 * The declared policy through the gateway, for the economy subgraph's data: one
 * table of caller × situation (department, team, consent, project) × what is
 * asked (a family's costs, a person's benefit cost, the totals of a project of
 * one family, which identify it, and of a project of 5 families, which do not)
 * and the expected answer — the data, FORBIDDEN, or nothing at all — printed as
 * a table on failure; and the audit of the reads.
 */
let kit: EconomyKit;
const who: Record<string, Identity> = {};
let familyId: string;
let parentId: string;
let projectId: string;
let bigProjectId: string;

beforeAll(async () => {
  kit = await startEconomyKit();
  const g = (caller: Identity, query: string, variables: Record<string, unknown>) =>
    kit.stack.graph.request(caller, query, variables);
  const register = (name: string, department: Identity['department'], roles?: Identity['roles']) =>
    registerCaller(kit.stack.graph, admin, name, department, roles);
  // The kit's economy consultant is on every kit family's team; the ECONOMY department no longer reads
  // every family's costs municipality-wide, so an economy consultant off the team is a caller of its own.
  who.economyOnTeam = economy;
  who.economyOffTeam = await register('Ebbe', 'ECONOMY');
  who.familyConsent = await register('Frida', 'FAMILY');
  who.jobcenterOnTeam = await register('Jonas', 'JOBCENTER');
  who.familyOffTeam = await register('Otto', 'FAMILY');
  who.projectLead = kit.lead;
  who.administrator = await register('Adam', 'FAMILY', ['ADMIN']);
  who.monitor = identity('FAMILY', { roles: ['NATIONAL_MONITOR'] });
  who.reminderWorker = identity('FAMILY', { userId: 'reminder-worker', roles: ['SERVICE'] });
  who.otherMunicipality = identity('ECONOMY', { municipality: '101' });

  await kit.price({ costType: 'KONTANTHJAELP', unit: 'MONTH', priceOre: 1_500_000, validFrom: '2024-01-01' });
  const family = await kit.createFamily('ECO-1', '2026-01-05', 1, 0);
  familyId = family.id;
  parentId = family.memberIds[0]!;
  await kit.benefit(parentId, 'KONTANTHJAELP', '2025-06-01', null);
  // The administrator manages the team (the intake caseworker's part ends once a family caseworker is on it).
  for (const caseworker of [who.familyConsent!, who.jobcenterOnTeam!]) {
    await g(admin, `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`, {
      input: { familyId, caseworkerId: caseworker.userId, from: '2026-01-05' },
    });
  }
  // The parent lets the family department see her economy and the employment facts it is priced from
  // (recorded by the family caseworker on the team).
  await g(who.familyConsent!, `mutation($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`, {
    input: {
      personId: parentId,
      givenById: parentId,
      departments: ['FAMILY'],
      categories: ['ECONOMY', 'EMPLOYMENT'],
      purpose: 'Samlet overblik over økonomien',
      validFrom: '2026-01-05',
    },
  });
  const { createProject } = await g(
    kit.lead,
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
    {
      input: {
        name: 'Helhed 2026',
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        projectLeadId: kit.caseworkers.lead,
        targetFamilyCount: 10,
      },
    },
  );
  projectId = createProject.id;
  const enrol = (project: string, family: string) =>
    g(kit.lead, `mutation($input: EnrolFamilyInProjectInput!) { enrolFamilyInProject(input: $input) { id } }`, {
      input: { projectId: project, familyId: family, enrolledOn: '2026-01-05' },
    });
  await enrol(projectId, familyId);
  // A project of 5 other families (a family is in one project at a time): its totals identify none of them.
  // One parent of them is on kontanthjælp; the other four families cost nothing.
  const { createProject: big } = await g(
    kit.lead,
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
    {
      input: {
        name: 'Helhed 5',
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        projectLeadId: kit.caseworkers.lead,
        targetFamilyCount: 5,
      },
    },
  );
  bigProjectId = big.id;
  for (let i = 2; i <= 6; i += 1) {
    const other = await kit.createFamily(`ECO-${i}`, '2026-01-05', 1, 0);
    if (i === 2) await kit.benefit(other.memberIds[0]!, 'KONTANTHJAELP', '2025-06-01', null);
    await enrol(bigProjectId, other.id);
  }
}, 180_000);

afterAll(async () => {
  await kit?.close();
});

type Outcome = 'DATA' | 'FORBIDDEN' | 'NOTHING';

const FIELDS = {
  'family costs': {
    query: `family(id: $id) { id costs(from: "2026-02", to: "2026-03") { total { ore } } }`,
    path: 'family.costs.total',
  },
  'person cost': {
    query: `person(id: $id) { id monthlyBenefitCost(month: "2026-03") { total { ore } } }`,
    path: 'person.monthlyBenefitCost.total',
  },
  'project of 1 family': {
    query: `project(id: $id) { id costDevelopment(month: "2026-03") { total { ore } } }`,
    path: 'project.costDevelopment.total',
  },
  'project of 5 families': {
    query: `project(id: $id) { id costDevelopment(month: "2026-03") { total { ore } } }`,
    path: 'project.costDevelopment.total',
  },
} as const;
type Asked = keyof typeof FIELDS;
const ids = (): Record<Asked, string> => ({
  'family costs': familyId,
  'person cost': parentId,
  'project of 1 family': projectId,
  'project of 5 families': bigProjectId,
});

const valueAt = (data: unknown, path: string): unknown =>
  path.split('.').reduce<any>((v, k) => (Array.isArray(v) ? v[0]?.[k] : v?.[k]), data);

async function outcome(caller: Identity, asked: Asked): Promise<Outcome> {
  const { query, path } = FIELDS[asked];
  const res = await kit.stack.post(caller, `query($id: ID!) { ${query} }`, { id: ids()[asked] });
  const value = valueAt(res.data, path);
  if (value !== null && value !== undefined) return 'DATA';
  return res.errors?.some((e) => e.extensions?.code === 'FORBIDDEN') ? 'FORBIDDEN' : 'NOTHING';
}

// A family's costs (ECONOMY) are its team's: the ECONOMY department's municipality-wide read of every
// family's costs and the project lead's read of their project's families' costs are gone (the lead's rule
// change); only totals of 5 families or more, which identify no family, reach them beyond the team.
const MATRIX: Array<[string, string, Asked, Outcome]> = [
  ['economyOnTeam', 'ECONOMY caseworker on the team', 'family costs', 'DATA'],
  ['economyOnTeam', 'ECONOMY caseworker on the team', 'person cost', 'DATA'],
  ['economyOnTeam', 'ECONOMY caseworker on the team', 'project of 1 family', 'DATA'],
  ['economyOnTeam', 'ECONOMY caseworker on the team', 'project of 5 families', 'DATA'],
  ['economyOffTeam', 'ECONOMY caseworker, not on the team', 'family costs', 'FORBIDDEN'],
  ['economyOffTeam', 'ECONOMY caseworker, not on the team', 'person cost', 'FORBIDDEN'],
  ['economyOffTeam', 'ECONOMY caseworker, not on the team', 'project of 1 family', 'FORBIDDEN'],
  // The totals are computed from the families' enrolments, members and plans (@requires with the caller's
  // identity), which the family subgraph gives their teams and the project lead only: off the teams, no totals.
  ['economyOffTeam', 'ECONOMY caseworker, not on the team', 'project of 5 families', 'FORBIDDEN'],
  ['projectLead', "project lead of the family's project", 'family costs', 'FORBIDDEN'],
  ['projectLead', "project lead of the family's project", 'person cost', 'FORBIDDEN'],
  ['projectLead', "project lead of the family's project", 'project of 1 family', 'FORBIDDEN'],
  ['projectLead', "project lead of the family's project", 'project of 5 families', 'DATA'],
  ['familyConsent', 'on the team, consent: ECONOMY and EMPLOYMENT', 'family costs', 'DATA'],
  ['familyConsent', 'on the team, consent: ECONOMY and EMPLOYMENT', 'person cost', 'DATA'],
  ['jobcenterOnTeam', 'on the team, no consent for ECONOMY', 'family costs', 'FORBIDDEN'],
  ['jobcenterOnTeam', 'on the team, no consent for ECONOMY', 'person cost', 'FORBIDDEN'],
  ['familyOffTeam', 'not on the team', 'family costs', 'FORBIDDEN'],
  ['familyOffTeam', 'not on the team', 'person cost', 'FORBIDDEN'],
  ['administrator', 'administrator: BASIC only', 'family costs', 'FORBIDDEN'],
  ['administrator', 'administrator: BASIC only', 'person cost', 'FORBIDDEN'],
  ['administrator', 'administrator: totals identifying 1 family', 'project of 1 family', 'FORBIDDEN'],
  ['administrator', 'administrator: no plans to compute from', 'project of 5 families', 'FORBIDDEN'],
  ['monitor', 'national monitor', 'family costs', 'FORBIDDEN'],
  ['monitor', 'national monitor', 'person cost', 'FORBIDDEN'],
  ['reminderWorker', 'the reminder worker', 'family costs', 'FORBIDDEN'],
  ['reminderWorker', 'the reminder worker', 'person cost', 'FORBIDDEN'],
  ['otherMunicipality', 'ECONOMY of another municipality', 'family costs', 'NOTHING'],
  ['otherMunicipality', 'ECONOMY of another municipality', 'person cost', 'NOTHING'],
];

const asTable = (rows: Array<[string, string, string, Outcome]>) =>
  rows.map(([c, s, f, o]) => `${c.padEnd(17)} | ${s.padEnd(44)} | ${f.padEnd(21)} | ${o}`);

describe('the policy matrix (economy data through the gateway)', () => {
  it('gives each caller what the rules say', async () => {
    const actual: Array<[string, string, Asked, Outcome]> = [];
    for (const [caller, situation, asked] of MATRIX)
      actual.push([caller, situation, asked, await outcome(who[caller]!, asked)]);
    // On failure jest prints both tables line by line.
    expect(asTable(actual)).toEqual(asTable(MATRIX));
  });

  it('gives the totals of a project of 5 families alike to every caller who may read them', async () => {
    // The ECO-2 parent's kontanthjælp in March; the other four families cost nothing.
    const totals = [];
    for (const caller of ['economyOnTeam', 'projectLead'])
      totals.push(
        valueAt(
          (
            await kit.stack.post(who[caller]!, `query($id: ID!) { ${FIELDS['project of 5 families'].query} }`, {
              id: bigProjectId,
            })
          ).data,
          FIELDS['project of 5 families'].path,
        ),
      );
    expect(totals).toEqual([{ ore: 1_500_000 }, { ore: 1_500_000 }]);
  });

  it('answers the rest of a query when the costs are refused (null at their own path)', async () => {
    const res = await kit.stack.post(
      who.jobcenterOnTeam!,
      `query($id: ID!) { family(id: $id) { caseReference members { id benefitPeriods { type } } costs { total { ore } } } }`,
      { id: familyId },
    );
    expect(res.data.family).toMatchObject({ caseReference: 'ECO-1', costs: null });
    expect(res.data.family.members[0].benefitPeriods).toEqual([{ type: 'KONTANTHJAELP' }]);
    expect(res.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([['FORBIDDEN', 'family.costs']]);
  });
});

describe('a refused cost basis', () => {
  // Person.benefitPeriods was non-null: refused, it nulled the member, the list and the family (data: null).
  it("nulls only the member's benefit periods, not the family around them", async () => {
    const res = await kit.stack.post(
      who.administrator!,
      `query($id: ID!) { family(id: $id) { caseReference members { id benefitPeriods { type from } } } }`,
      { id: familyId },
    );
    expect(res.data.family).toEqual({ caseReference: 'ECO-1', members: [{ id: parentId, benefitPeriods: null }] });
    expect(res.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([
      ['FORBIDDEN', 'family.members.0.benefitPeriods'],
    ]);
  });
});

describe('the audit of economy reads', () => {
  it("writes one READ row per person and request for a family's costs, with every field path", async () => {
    const db = kit.stack.databases.economy.url;
    const [{ max }] = await queryDatabase(db, 'SELECT coalesce(max(id), 0)::int AS max FROM audit_event');
    const res = await kit.stack.post(
      economy,
      `query($id: ID!) { family(id: $id) { costs(from: "2026-02", to: "2026-03") { total { ore } } again: costs { total { ore } } } }`,
      { id: familyId },
    );
    expect(res.errors).toBeUndefined();
    // A refused read writes nothing.
    await kit.stack.post(who.jobcenterOnTeam!, `query($id: ID!) { family(id: $id) { costs { total { ore } } } }`, {
      id: familyId,
    });
    const rows = await queryDatabase(
      db,
      `SELECT user_id, person_id, category, operation, field_paths FROM audit_event WHERE id > $1 ORDER BY id`,
      [max],
    );
    expect(
      rows.map((r) => [r.user_id, r.person_id, r.category, r.operation, [...(r.field_paths as string[])].sort()]),
    ).toEqual([[economy.userId, parentId, 'ECONOMY', 'READ', ['_entities.again', '_entities.costs']]]);
  });
});
