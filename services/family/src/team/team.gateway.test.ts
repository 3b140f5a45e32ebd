import { identity, queryDatabase } from '@helhed/testing';
import { startTestStack, type TestStack } from '@helhed/devstack';

/** A family's team and its one contact person, through the gateway on real databases. */
let stack: TestStack;
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const familyDept = identity('FAMILY');
const jobcenter = identity('JOBCENTER');

const ASSIGN = `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) {
  id department role from to caseworker { id name } family { id } } }`;
const END = `mutation($input: EndTeamMembershipInput!) { endTeamMembership(input: $input) { id from to } }`;
const SET_CONTACT = `mutation($input: SetContactPersonInput!) { setContactPerson(input: $input) {
  id from to reason caseworker { name } family { id } } }`;
const TEAM = `query($id: ID!) { family(id: $id) {
  contactPerson { id name }
  contactPersonHistory { caseworker { name } from to reason }
  team { id caseworker { name } department role from to }
  endedToo: team(includeEnded: true) { caseworker { name } from to }
  history { edges { node { operation entity before after reason } } } } }`;
const FAMILIES = `query($filter: FamilyFilter) { families(filter: $filter) { edges { node { caseReference } } } }`;

const count = async (table: string) =>
  Number((await queryDatabase(stack.databases.family.url, `SELECT count(*) AS n FROM ${table}`))[0]!.n);
const written = async () =>
  Promise.all(['family_team_member', 'contact_person_assignment', 'change_record'].map((t) => count(t)));

/** Posts a mutation that must be refused with BAD_USER_INPUT on `field`, and checks nothing was written. */
async function refused(query: string, input: Record<string, unknown>, field: string) {
  const before = await written();
  const res = await stack.post(familyDept, query, { input });
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(await written()).toEqual(before);
  return res.errors![0]!;
}

/** The family's team, contact person and history as the tests see it: without Fie, the caller on every team. */
const team = async (familyId: string) => {
  const family = (await stack.graph.request(familyDept, TEAM, { id: familyId })).family;
  const notFie = (m: { caseworker: { name: string } }) => m.caseworker.name !== 'Fie';
  return { ...family, team: family.team.filter(notFie), endedToo: family.endedToo.filter(notFie) };
};
const names = (rows: Array<{ caseworker: { name: string } }>) => rows.map((r) => r.caseworker.name);
const search = async (filter: Record<string, unknown>) =>
  (await stack.graph.request(familyDept, FAMILIES, { filter })).families.edges.map((e: any) => e.node.caseReference);

const cw: Record<string, string> = {};
const fam: Record<string, string> = {};

async function registerCaseworker(who: typeof admin, name: string, department: string) {
  const { registerCaseworker: c } = await stack.graph.request(
    who,
    `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
    { input: { name, email: `${name.toLowerCase()}@example.dk`, department } },
  );
  return c.id as string;
}

let cpr = 2000;
async function createFamily(caseReference: string, enrolmentDate?: string) {
  cpr += 1;
  const { createFamily: f } = await stack.graph.request(
    familyDept,
    `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id } }`,
    {
      input: {
        caseReference,
        enrolmentDate,
        members: [{ cpr: `010190${cpr}`, firstName: 'P', lastName: caseReference, role: 'PARENT' }],
      },
    },
  );
  await stack.graph.request(familyDept, ASSIGN, {
    input: { familyId: f.id, caseworkerId: cw.fie, from: '2026-01-01' },
  });
  return f.id as string;
}

beforeAll(async () => {
  stack = await startTestStack();
  const otherAdmin = identity('FAMILY', { roles: ['ADMIN'], municipality: '101' });
  await stack.graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  await stack.graph.request(
    otherAdmin,
    `mutation { registerMunicipality(input: { code: "101", name: "København" }) { code } }`,
  );
  cw.anna = await registerCaseworker(admin, 'Anna', 'FAMILY');
  cw.jens = await registerCaseworker(admin, 'Jens', 'JOBCENTER');
  cw.sara = await registerCaseworker(admin, 'Sara', 'HEALTH');
  cw.bo = await registerCaseworker(admin, 'Bo', 'FAMILY');
  cw.kbh = await registerCaseworker(otherAdmin, 'Karen', 'FAMILY');
  // The family department's caller is Fie, on every family's team (the team rule); the lists below leave her out.
  cw.fie = await registerCaseworker(admin, 'Fie', 'FAMILY');
  familyDept.userId = cw.fie;
  fam.one = await createFamily('TEAM-1', '2026-01-01');
  fam.two = await createFamily('TEAM-2', '2026-01-01');
  fam.intake = await createFamily('TEAM-3');
  fam.closed = await createFamily('TEAM-CLOSED', '2026-01-01');
  await stack.graph.request(familyDept, `mutation($input: CloseFamilyInput!) { closeFamily(input: $input) { id } }`, {
    input: { familyId: fam.closed, closedOn: '2026-10-01', reason: 'Goals reached' },
  });
});

afterAll(async () => {
  await stack?.close();
});

describe('the team', () => {
  it("puts a caseworker on the team with the caseworker's department and a role", async () => {
    const { assignTeamMember } = await stack.graph.request(familyDept, ASSIGN, {
      input: { familyId: fam.one, caseworkerId: cw.jens, from: '2026-01-01', role: 'jobkonsulent' },
    });
    expect(assignTeamMember).toMatchObject({
      department: 'JOBCENTER',
      role: 'jobkonsulent',
      from: '2026-01-01',
      to: null,
      caseworker: { id: cw.jens, name: 'Jens' },
      family: { id: fam.one },
    });
    const family = await team(fam.one);
    expect(names(family.team)).toEqual(['Jens']);
    expect(family.contactPerson).toBeNull();
    expect(family.history.edges[0].node).toMatchObject({
      operation: 'CREATE',
      entity: 'FamilyTeamMember',
      after: { caseworkerId: cw.jens, department: 'JOBCENTER' },
    });
  });

  it('refuses a duplicate open assignment, a caseworker of another municipality or none, a closed family, an empty role', async () => {
    const input = { familyId: fam.one, caseworkerId: cw.jens, from: '2026-06-01' };
    const duplicate = await refused(ASSIGN, input, 'input.caseworkerId');
    expect(duplicate.message).toMatch(/on the family's team already/);
    await refused(ASSIGN, { ...input, caseworkerId: cw.kbh }, 'input.caseworkerId');
    await refused(ASSIGN, { ...input, caseworkerId: '00000000-0000-4000-8000-000000000000' }, 'input.caseworkerId');
    await refused(ASSIGN, { ...input, caseworkerId: 'nope' }, 'input.caseworkerId');
    await refused(ASSIGN, { ...input, caseworkerId: cw.sara, familyId: fam.closed }, 'input.familyId');
    await refused(ASSIGN, { ...input, caseworkerId: cw.sara, role: ' ' }, 'input.role');
    await refused(ASSIGN, { ...input, caseworkerId: cw.sara, familyId: 'nope' }, 'input.familyId');
  });

  it('lets only the family department change the team', async () => {
    const res = await stack.post(jobcenter, ASSIGN, {
      input: { familyId: fam.one, caseworkerId: cw.sara, from: '2026-01-01' },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const jens = { ...jobcenter, userId: cw.jens };
    const seen = await stack.graph.request(
      jens,
      `query($id: ID!) { family(id: $id) { team { caseworker { name } } } }`,
      {
        id: fam.one,
      },
    );
    expect(names(seen.family.team).filter((n) => n !== 'Fie')).toEqual(['Jens']);
  });
});

describe('the contact person', () => {
  it('names a first contact person, who joins the team', async () => {
    const { setContactPerson } = await stack.graph.request(familyDept, SET_CONTACT, {
      input: { familyId: fam.one, caseworkerId: cw.anna, from: '2026-01-01' },
    });
    expect(setContactPerson).toMatchObject({
      from: '2026-01-01',
      to: null,
      reason: null,
      caseworker: { name: 'Anna' },
    });
    const family = await team(fam.one);
    expect(family.contactPerson).toEqual({ id: cw.anna, name: 'Anna' });
    expect(names(family.team)).toEqual(['Jens', 'Anna']);
    expect(family.team[1]).toMatchObject({ department: 'FAMILY', from: '2026-01-01', to: null });
  });

  it('replaces the contact person from a day: the previous assignment ends the day before and stays in the history', async () => {
    await stack.graph.request(familyDept, SET_CONTACT, {
      input: { familyId: fam.one, caseworkerId: cw.jens, from: '2026-09-01', reason: 'Job is the focus now' },
    });
    const family = await team(fam.one);
    expect(family.contactPerson).toEqual({ id: cw.jens, name: 'Jens' });
    expect(family.contactPersonHistory).toEqual([
      { caseworker: { name: 'Jens' }, from: '2026-09-01', to: null, reason: 'Job is the focus now' },
      { caseworker: { name: 'Anna' }, from: '2026-01-01', to: '2026-08-31', reason: null },
    ]);
    // Jens was on the team already: no second membership; Anna stays on the team.
    expect(names(family.team)).toEqual(['Jens', 'Anna']);
    const [created, ended] = family.history.edges.map((e: any) => e.node);
    expect(created).toMatchObject({
      operation: 'CREATE',
      entity: 'ContactPersonAssignment',
      reason: 'Job is the focus now',
      after: { caseworkerId: cw.jens, from: '2026-09-01', to: null },
    });
    expect(ended).toMatchObject({
      operation: 'END',
      entity: 'ContactPersonAssignment',
      before: { caseworkerId: cw.anna, to: null },
      after: { caseworkerId: cw.anna, to: '2026-08-31' },
    });
  });

  it('refuses the current contact person again, a start not after the current one, other municipalities, closed families, an empty reason', async () => {
    await refused(SET_CONTACT, { familyId: fam.one, caseworkerId: cw.jens, from: '2026-10-01' }, 'input.caseworkerId');
    const early = await refused(
      SET_CONTACT,
      { familyId: fam.one, caseworkerId: cw.sara, from: '2026-09-01' },
      'input.from',
    );
    expect(early.message).toMatch(/after the current one started \(2026-09-01\)/);
    await refused(SET_CONTACT, { familyId: fam.one, caseworkerId: cw.kbh, from: '2026-10-01' }, 'input.caseworkerId');
    await refused(SET_CONTACT, { familyId: fam.closed, caseworkerId: cw.sara, from: '2026-10-01' }, 'input.familyId');
    await refused(
      SET_CONTACT,
      { familyId: fam.one, caseworkerId: cw.sara, from: '2026-10-01', reason: '' },
      'input.reason',
    );
  });

  it('takes over on its first day when named from a future day', async () => {
    await stack.graph.request(familyDept, SET_CONTACT, {
      input: { familyId: fam.two, caseworkerId: cw.jens, from: '2026-01-01' },
    });
    await stack.graph.request(familyDept, SET_CONTACT, {
      input: { familyId: fam.two, caseworkerId: cw.bo, from: '2099-01-01', reason: 'Jens retires' },
    });
    const family = await team(fam.two);
    expect(family.contactPerson.name).toBe('Jens');
    expect(family.contactPersonHistory.map((a: any) => [a.caseworker.name, a.from, a.to])).toEqual([
      ['Bo', '2099-01-01', null],
      ['Jens', '2026-01-01', '2098-12-31'],
    ]);
  });
});

describe('ending a team membership', () => {
  const membershipOf = async (familyId: string, name: string) =>
    (await team(familyId)).team.find((m: any) => m.caseworker.name === name).id as string;

  it('refuses to end the contact person’s membership, before it began, and unknown memberships', async () => {
    const jens = await membershipOf(fam.one, 'Jens');
    const error = await refused(END, { teamMemberId: jens, to: '2026-12-31' }, 'input.teamMemberId');
    expect(error.message).toMatch(/contact person/);
    const anna = await membershipOf(fam.one, 'Anna');
    await refused(END, { teamMemberId: anna, to: '2025-12-31' }, 'input.to');
    await refused(
      END,
      { teamMemberId: '00000000-0000-4000-8000-000000000000', to: '2026-12-31' },
      'input.teamMemberId',
    );
    await refused(END, { teamMemberId: 'nope', to: '2026-12-31' }, 'input.teamMemberId');
  });

  it('ends a membership and keeps it, listed with includeEnded', async () => {
    const anna = await membershipOf(fam.one, 'Anna');
    const { endTeamMembership } = await stack.graph.request(familyDept, END, {
      input: { teamMemberId: anna, to: '2026-10-31' },
    });
    expect(endTeamMembership).toEqual({ id: anna, from: '2026-01-01', to: '2026-10-31' });
    const family = await team(fam.one);
    expect(names(family.team)).toEqual(['Jens']);
    expect(family.endedToo).toEqual([
      { caseworker: { name: 'Jens' }, from: '2026-01-01', to: null },
      { caseworker: { name: 'Anna' }, from: '2026-01-01', to: '2026-10-31' },
    ]);
    expect(family.history.edges[0].node).toMatchObject({
      operation: 'END',
      entity: 'FamilyTeamMember',
      before: { to: null },
      after: { to: '2026-10-31' },
    });
    await refused(END, { teamMemberId: anna, to: '2026-11-30' }, 'input.teamMemberId');
  });

  it('lets a caseworker join the team again after their membership ended', async () => {
    await refused(ASSIGN, { familyId: fam.one, caseworkerId: cw.anna, from: '2026-10-31' }, 'input.caseworkerId');
    await stack.graph.request(familyDept, ASSIGN, {
      input: { familyId: fam.one, caseworkerId: cw.anna, from: '2026-11-01' },
    });
    expect((await team(fam.one)).endedToo).toHaveLength(3);
  });
});

describe('families by contact person', () => {
  it('finds the families whose contact person today is the caseworker, with the status filter too', async () => {
    await stack.graph.request(familyDept, SET_CONTACT, {
      input: { familyId: fam.intake, caseworkerId: cw.sara, from: '2026-11-01' },
    });
    expect((await search({ contactPersonId: cw.jens })).sort()).toEqual(['TEAM-1', 'TEAM-2']);
    expect(await search({ contactPersonId: cw.anna })).toEqual([]); // a former contact person
    expect(await search({ contactPersonId: cw.bo })).toEqual([]); // not yet
    expect(await search({ contactPersonId: cw.sara })).toEqual(['TEAM-3']);
    expect(await search({ contactPersonId: cw.sara, status: 'INTAKE' })).toEqual(['TEAM-3']);
    expect(await search({ contactPersonId: cw.sara, status: 'ACTIVE' })).toEqual([]);
    expect(await search({ status: 'CLOSED' })).toEqual(['TEAM-CLOSED']);
  });

  it('refuses a contact person id that is no id', async () => {
    const res = await stack.post(familyDept, FAMILIES, { filter: { contactPersonId: 'Jens' } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.contactPersonId' });
  });

  it('sees nothing of another municipality', async () => {
    const other = identity('FAMILY', { municipality: '101' });
    const { families } = await stack.graph.request(other, FAMILIES, { filter: { contactPersonId: cw.jens } });
    expect(families.edges).toEqual([]);
  });
});
