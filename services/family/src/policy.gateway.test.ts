import { today } from '@helhed/calendar';
import { startTestStack, type TestStack, registerCaller } from '@helhed/devstack';
import type { Identity } from '@helhed/identity';
import { identity, queryDatabase } from '@helhed/testing';

/**
 * The declared policy through the gateway, for the family subgraph's own data:
 * one table of caller situation × member × category (BASIC, SOCIAL, PLAN,
 * INDICATOR) and the expected answer, printed as a table on failure; the
 * existence-only answer of the case-reference search; lists that show no
 * family off the caller's team; mutations refused off the team, writing
 * nothing; consent withdrawal on the next request.
 */
let stack: TestStack;
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const who: Record<string, Identity> = {};
let familyId: string;
let consentId: string;
const person: Record<'parent' | 'child', string> = { parent: '', child: '' };

type Reply = {
  data?: any;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }>;
};
const post = (caller: Identity, query: string, variables: Record<string, unknown> = {}) =>
  stack.post(caller, query, variables) as Promise<Reply>;

beforeAll(async () => {
  stack = await startTestStack();
  await stack.graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  const register = (name: string, department: Identity['department'], roles?: Identity['roles']) =>
    registerCaller(stack.graph, admin, name, department, roles);
  who.familyOnTeam = await register('Anna', 'FAMILY');
  who.jobcenterOnTeam = await register('Jens', 'JOBCENTER');
  who.healthOnTeam = await register('Hanne', 'HEALTH');
  who.familyOffTeam = await register('Frida', 'FAMILY');
  who.jobcenterOffTeam = await register('Ole', 'JOBCENTER');
  who.projectLead = await register('Lene', 'FAMILY', ['PROJECT_LEAD']);
  who.otherProjectLead = await register('Per', 'FAMILY', ['PROJECT_LEAD']);
  who.admin = admin;
  who.reminderWorker = identity('FAMILY', { userId: 'reminder-worker', roles: ['SERVICE'] });
  who.monitor = identity('FAMILY', { roles: ['NATIONAL_MONITOR'] });
  who.otherMunicipality = identity('FAMILY', { municipality: '101', userId: who.familyOnTeam.userId });

  // Anna opens the case (its intake caseworker) and names the team: herself, Jens and Hanne.
  const { createFamily } = await stack.graph.request(
    who.familyOnTeam,
    `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id role } } }`,
    {
      input: {
        caseReference: 'FAM-POL-1',
        enrolmentDate: '2026-01-05',
        members: [
          { cpr: '1205881234', firstName: 'Mette', lastName: 'P', role: 'PARENT' },
          { cpr: '0303124567', firstName: 'Emil', lastName: 'P', role: 'CHILD' },
        ],
      },
    },
  );
  familyId = createFamily.id;
  person.parent = createFamily.members.find((m: { role: string }) => m.role === 'PARENT').id;
  person.child = createFamily.members.find((m: { role: string }) => m.role === 'CHILD').id;
  for (const caseworker of [who.familyOnTeam, who.jobcenterOnTeam, who.healthOnTeam]) {
    await stack.graph.request(
      who.familyOnTeam,
      `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`,
      { input: { familyId, caseworkerId: caseworker.userId, from: '2026-01-05' } },
    );
  }
  // Mette lets the jobcenter see her SOCIAL data; Emil gives no consent.
  const { giveConsent } = await stack.graph.request(
    who.familyOnTeam,
    `mutation($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`,
    {
      input: {
        personId: person.parent,
        givenById: person.parent,
        departments: ['JOBCENTER'],
        categories: ['SOCIAL'],
        purpose: 'Samlet plan',
        validFrom: '2026-01-05',
      },
    },
  );
  consentId = giveConsent.id;
  // Lene leads the project the family is enrolled in; Per leads another project.
  const project = async (lead: Identity, name: string) =>
    (
      await stack.graph.request(lead, `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`, {
        input: {
          name,
          startsOn: '2026-01-01',
          endsOn: '2027-12-31',
          projectLeadId: lead.userId,
          targetFamilyCount: 20,
        },
      })
    ).createProject.id as string;
  const projectId = await project(who.projectLead, 'Helhed Vejle');
  await project(who.otherProjectLead, 'Andet projekt');
  await stack.graph.request(
    who.projectLead,
    `mutation($input: EnrolFamilyInProjectInput!) { enrolFamilyInProject(input: $input) { id } }`,
    { input: { projectId, familyId, enrolledOn: '2026-02-01' } },
  );
});

afterAll(async () => {
  await stack?.close();
});

type Outcome = 'DATA' | 'FORBIDDEN' | 'NOTHING';
const FIELDS = {
  BASIC: 'firstName',
  SOCIAL: 'civilSocietyParticipations { id }',
  PLAN: 'sectorPlan(kind: JOBPLAN) { kind }',
  INDICATOR: 'familyProgression { indicator }',
} as const;
type Category = keyof typeof FIELDS;

/** What the caller gets of one field of one member: the data, FORBIDDEN (at the field or the person), or nothing. */
async function outcome(caller: Identity, personId: string, category: Category): Promise<Outcome> {
  const field = FIELDS[category];
  const res = await post(caller, `query($id: ID!) { person(id: $id) { id ${field} } }`, { id: personId });
  const value = res.data?.person?.[field.split(/[ (]/)[0]!];
  if (value !== undefined && value !== null) return 'DATA';
  return res.errors?.some((e) => e.extensions?.code === 'FORBIDDEN') ? 'FORBIDDEN' : 'NOTHING';
}

// caller, situation, member, category → expected
const MATRIX: Array<[string, string, 'parent' | 'child', Category, Outcome]> = [
  ['familyOnTeam', 'on the team, family department', 'parent', 'BASIC', 'DATA'],
  ['familyOnTeam', 'on the team, family department', 'child', 'SOCIAL', 'DATA'],
  ['familyOnTeam', 'on the team, family department', 'parent', 'PLAN', 'DATA'],
  ['familyOnTeam', 'on the team, family department', 'parent', 'INDICATOR', 'DATA'],
  ['jobcenterOnTeam', 'on the team, jobcenter', 'parent', 'BASIC', 'DATA'],
  ['jobcenterOnTeam', 'on the team, jobcenter, consent', 'parent', 'SOCIAL', 'DATA'],
  ['jobcenterOnTeam', 'on the team, jobcenter, no consent', 'child', 'SOCIAL', 'FORBIDDEN'],
  ['jobcenterOnTeam', 'on the team, jobcenter', 'child', 'PLAN', 'DATA'],
  ['jobcenterOnTeam', 'on the team, jobcenter', 'child', 'INDICATOR', 'DATA'],
  ['healthOnTeam', 'on the team, health', 'parent', 'BASIC', 'DATA'],
  ['healthOnTeam', 'on the team, health, consent names JOBCENTER', 'parent', 'SOCIAL', 'FORBIDDEN'],
  ['healthOnTeam', 'on the team, health', 'parent', 'PLAN', 'DATA'],
  ['healthOnTeam', 'on the team, health', 'parent', 'INDICATOR', 'DATA'],
  ['familyOffTeam', 'not on the team, family department', 'parent', 'BASIC', 'FORBIDDEN'],
  ['familyOffTeam', 'not on the team, family department', 'parent', 'SOCIAL', 'FORBIDDEN'],
  ['familyOffTeam', 'not on the team, family department', 'parent', 'PLAN', 'FORBIDDEN'],
  ['familyOffTeam', 'not on the team, family department', 'parent', 'INDICATOR', 'FORBIDDEN'],
  ['jobcenterOffTeam', 'not on the team, jobcenter', 'parent', 'BASIC', 'FORBIDDEN'],
  ['jobcenterOffTeam', 'not on the team, jobcenter', 'parent', 'PLAN', 'FORBIDDEN'],
  ['projectLead', "lead of the family's project", 'parent', 'BASIC', 'DATA'],
  ['projectLead', "lead of the family's project", 'parent', 'SOCIAL', 'FORBIDDEN'],
  ['projectLead', "lead of the family's project", 'parent', 'PLAN', 'DATA'],
  ['projectLead', "lead of the family's project", 'child', 'INDICATOR', 'DATA'],
  ['otherProjectLead', 'lead of another project', 'parent', 'BASIC', 'FORBIDDEN'],
  ['otherProjectLead', 'lead of another project', 'parent', 'PLAN', 'FORBIDDEN'],
  ['otherProjectLead', 'lead of another project', 'parent', 'INDICATOR', 'FORBIDDEN'],
  ['admin', 'administrator, not on the team', 'parent', 'BASIC', 'DATA'],
  ['admin', 'administrator, not on the team', 'parent', 'SOCIAL', 'FORBIDDEN'],
  ['admin', 'administrator, not on the team', 'parent', 'PLAN', 'FORBIDDEN'],
  ['admin', 'administrator, not on the team', 'parent', 'INDICATOR', 'FORBIDDEN'],
  ['reminderWorker', 'the reminder worker (its own queries)', 'parent', 'BASIC', 'FORBIDDEN'],
  ['reminderWorker', 'the reminder worker (its own queries)', 'parent', 'SOCIAL', 'FORBIDDEN'],
  ['monitor', 'national monitor', 'parent', 'BASIC', 'FORBIDDEN'],
  ['monitor', 'national monitor', 'parent', 'INDICATOR', 'FORBIDDEN'],
  ['otherMunicipality', 'another municipality', 'parent', 'BASIC', 'NOTHING'],
  ['otherMunicipality', 'another municipality', 'parent', 'PLAN', 'NOTHING'],
];

const asTable = (rows: Array<[string, string, string, string, Outcome]>) =>
  rows.map(([c, s, p, cat, o]) => `${c.padEnd(18)} | ${s.padEnd(46)} | ${p.padEnd(6)} | ${cat.padEnd(9)} | ${o}`);

describe('the policy matrix (family data through the gateway)', () => {
  it('gives each caller what the rules say, field by field', async () => {
    const actual: Array<[string, string, string, string, Outcome]> = [];
    for (const [caller, situation, whose, category] of MATRIX) {
      actual.push([caller, situation, whose, category, await outcome(who[caller]!, person[whose], category)]);
    }
    // On failure jest prints both tables line by line.
    expect(asTable(actual)).toEqual(asTable(MATRIX));
  });

  it("tells other subgraphs the project lead's rule through accessForCaller", async () => {
    const ask = async (caller: Identity) =>
      (
        await post(
          caller,
          `query($id: ID!) { person(id: $id) { accessForCaller(category: EMPLOYMENT) { familyId onTeam isProjectLeadOfFamily } } }`,
          { id: person.parent },
        )
      ).data?.person?.accessForCaller;
    expect(await ask(who.projectLead!)).toEqual({ familyId, onTeam: false, isProjectLeadOfFamily: true });
    expect(await ask(who.jobcenterOnTeam!)).toEqual({ familyId, onTeam: true, isProjectLeadOfFamily: false });
  });

  it('withdrawing a consent takes effect on the next request', async () => {
    expect(await outcome(who.jobcenterOnTeam!, person.parent, 'SOCIAL')).toBe('DATA');
    await stack.graph.request(
      who.familyOnTeam!,
      `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id } }`,
      { input: { consentId, withdrawnOn: today() } },
    );
    expect(await outcome(who.jobcenterOnTeam!, person.parent, 'SOCIAL')).toBe('FORBIDDEN');
    expect(await outcome(who.familyOnTeam!, person.parent, 'SOCIAL')).toBe('DATA');
  });
});

describe('searching and listing off the team', () => {
  it('answers the case-reference search with the family’s existence only', async () => {
    const res = await post(
      who.familyOffTeam!,
      `{ familyByCaseReference(caseReference: "FAM-POL-1") { id caseReference status enrolmentDate createdAt team { id } } }`,
    );
    expect(res.data?.familyByCaseReference).toEqual({
      id: familyId,
      caseReference: 'FAM-POL-1',
      status: 'ACTIVE',
      enrolmentDate: null,
      createdAt: null,
      team: null,
    });
    const refused = (res.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => e.path?.join('.'));
    expect(refused.sort()).toEqual([
      'familyByCaseReference.createdAt',
      'familyByCaseReference.enrolmentDate',
      'familyByCaseReference.team',
    ]);
    // The team sees the whole family in the same search.
    const onTeam = await post(
      who.familyOnTeam!,
      `{ familyByCaseReference(caseReference: "FAM-POL-1") { enrolmentDate } }`,
    );
    expect(onTeam.errors).toBeUndefined();
    expect(onTeam.data.familyByCaseReference.enrolmentDate).toBe('2026-01-05');
  });

  it('lists only the families the caller may see', async () => {
    const listed = async (caller: Identity) =>
      ((await post(caller, `{ families(first: 50) { edges { node { id } } } }`)).data?.families.edges ?? []).map(
        (e: { node: { id: string } }) => e.node.id,
      );
    expect(await listed(who.familyOnTeam!)).toEqual([familyId]);
    expect(await listed(who.projectLead!)).toEqual([familyId]);
    expect(await listed(who.familyOffTeam!)).toEqual([]);
    expect(await listed(who.otherProjectLead!)).toEqual([]);
    const byCpr = async (caller: Identity) =>
      (await post(caller, `{ familiesByMemberCpr(cpr: "1205881234") { id } }`)).data?.familiesByMemberCpr;
    expect(await byCpr(who.familyOnTeam!)).toEqual([{ id: familyId }]);
    expect(await byCpr(who.familyOffTeam!)).toEqual([]);
  });

  it('answers the family itself with its id only, every field of the family refused at its path', async () => {
    const res = await post(
      who.familyOffTeam!,
      `query($id: ID!) { family(id: $id) { id caseReference enrolmentDate } }`,
      {
        id: familyId,
      },
    );
    // caseReference is non-null: its refusal nulls the family, as GraphQL does.
    expect(res.data?.family).toBeNull();
    expect(res.errors?.map((e) => [e.extensions?.code, e.path?.join('.')]).sort()).toEqual([
      ['FORBIDDEN', 'family.caseReference'],
      ['FORBIDDEN', 'family.enrolmentDate'],
    ]);
  });
});

describe('changes off the team', () => {
  const rows = async () =>
    (
      await queryDatabase(
        stack.databases.family.url,
        `SELECT (SELECT count(*) FROM person)::int AS persons, (SELECT count(*) FROM consent)::int AS consents,
                (SELECT count(*) FROM family_team_member)::int AS team, (SELECT count(*) FROM change_record)::int AS history,
                (SELECT string_agg(case_reference || status, ',') FROM family) AS families`,
      )
    )[0];

  it('are refused with FORBIDDEN and write nothing', async () => {
    const before = await rows();
    const attempts: Array<[Identity, string, Record<string, unknown>]> = [
      [
        who.familyOffTeam!,
        `mutation($input: UpdateFamilyInput!) { updateFamily(input: $input) { id } }`,
        { familyId, caseReference: 'FAM-POL-X' },
      ],
      [
        who.familyOffTeam!,
        `mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`,
        { familyId, cpr: '0101901234', firstName: 'Ny', lastName: 'P', role: 'OTHER_ADULT' },
      ],
      [
        who.familyOffTeam!,
        `mutation($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`,
        {
          personId: person.parent,
          givenById: person.parent,
          departments: ['HEALTH'],
          categories: ['SOCIAL'],
          purpose: 'x',
          validFrom: '2026-01-05',
        },
      ],
      [
        who.familyOffTeam!,
        `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`,
        { familyId, caseworkerId: who.familyOffTeam!.userId, from: '2026-01-05' },
      ],
      // An administrator manages teams, but does not change the family's data.
      [
        admin,
        `mutation($input: ActivateFamilyInput!) { activateFamily(input: $input) { id } }`,
        { familyId, enrolmentDate: '2026-01-05' },
      ],
    ];
    for (const [caller, mutation, input] of attempts) {
      const res = await post(caller, mutation, { input });
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    expect(await rows()).toEqual(before);
  });

  it('lets an administrator manage the team of a family they are not on', async () => {
    const res = await post(
      admin,
      `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`,
      { input: { familyId, caseworkerId: who.familyOffTeam!.userId, from: '2026-03-01' } },
    );
    expect(res.errors).toBeUndefined();
    expect(await outcome(who.familyOffTeam!, person.parent, 'BASIC')).toBe('DATA');
  });
});
