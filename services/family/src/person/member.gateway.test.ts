import { identity, queryDatabase } from '@helhed/testing';
import { startTestStack, type TestStack } from '@helhed/devstack';

/** Adding, correcting and removing family members, through the gateway on real databases. */
let stack: TestStack;
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const familyDept = identity('FAMILY');
const jobcenter = identity('JOBCENTER');

const PERSON = `id firstName lastName role cprMasked birthDate sex removedOn removalReason family { id }`;
const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { ${PERSON} } }`;
const UPDATE = `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { ${PERSON} } }`;
const REMOVE = `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { ${PERSON} } }`;
const MEMBERS = `query($id: ID!) { family(id: $id) {
  members { id firstName role } formerMembers { id firstName removedOn removalReason }
  history { edges { node { operation entity entityId before after reason } } } } }`;

const count = async (table: string) =>
  Number((await queryDatabase(stack.databases.family.url, `SELECT count(*) AS n FROM ${table}`))[0]!.n);

/** Posts a mutation that must be refused with BAD_USER_INPUT on `field`, and checks nothing was written. */
async function refused(query: string, input: Record<string, unknown>, field: string) {
  const [people, changes] = [await count('person'), await count('change_record')];
  const res = await stack.post(familyDept, query, { input });
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect([await count('person'), await count('change_record')]).toEqual([people, changes]);
  return res.errors![0]!;
}

const read = async (familyId: string) => (await stack.graph.request(familyDept, MEMBERS, { id: familyId })).family;

let familyId: string;
let metteId: string;

beforeAll(async () => {
  stack = await startTestStack();
  await stack.graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  const { createFamily } = await stack.graph.request(
    familyDept,
    `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id } } }`,
    {
      input: {
        caseReference: 'MEM-1',
        enrolmentDate: '2026-01-01',
        members: [{ cpr: '120588-1234', firstName: 'Mette', lastName: 'Jensen', role: 'PARENT' }],
      },
    },
  );
  familyId = createFamily.id;
  metteId = createFamily.members[0].id;
});

afterAll(async () => {
  await stack?.close();
});

describe('adding a member', () => {
  it('adds a child with birth date and sex from the CPR number, shown masked, with a history row', async () => {
    const { addMember } = await stack.graph.request(familyDept, ADD, {
      input: { familyId, cpr: '0303124567', firstName: ' Emil ', lastName: 'Jensen', role: 'CHILD' },
    });
    expect(addMember).toMatchObject({
      firstName: 'Emil',
      cprMasked: '030312-XXXX',
      birthDate: '2012-03-03',
      sex: 'MALE',
      role: 'CHILD',
      removedOn: null,
      family: { id: familyId },
    });
    const family = await read(familyId);
    expect(family.members.map((m: any) => m.firstName)).toEqual(['Mette', 'Emil']);
    expect(family.history.edges[0].node).toMatchObject({
      operation: 'CREATE',
      entity: 'Person',
      entityId: addMember.id,
      before: null,
      after: { firstName: 'Emil', role: 'CHILD' },
    });
    expect(JSON.stringify(family.history)).not.toContain('0303124567');
  });

  it('refuses the same CPR number twice in one family', async () => {
    const error = await refused(
      ADD,
      { familyId, cpr: '030312-4567', firstName: 'Emil', lastName: 'J', role: 'CHILD' },
      'input.cpr',
    );
    expect(error.message).toMatch(/current member/);
  });

  it('refuses with the rules of createFamily: CPR, names, an adult CHILD, every problem at once', async () => {
    await refused(ADD, { familyId, cpr: '3102901234', firstName: 'A', lastName: 'B', role: 'PARENT' }, 'input.cpr');
    const error = await refused(
      ADD,
      { familyId, cpr: '0101801234', firstName: '', lastName: 'B', role: 'CHILD' },
      'input.firstName',
    );
    expect((error.extensions?.problems as any[]).map((p) => p.field)).toEqual(['input.firstName', 'input.role']);
  });

  it('refuses an unknown family, a CLOSED family and other departments', async () => {
    const member = { cpr: '0101801234', firstName: 'Anna', lastName: 'B', role: 'OTHER_ADULT' };
    await refused(ADD, { familyId: '00000000-0000-4000-8000-000000000000', ...member }, 'input.familyId');
    const { createFamily } = await stack.graph.request(
      familyDept,
      `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id } }`,
      {
        input: {
          caseReference: 'MEM-CLOSED',
          members: [{ cpr: '0202801234', firstName: 'Ole', lastName: 'Berg', role: 'PARENT' }],
        },
      },
    );
    await stack.graph.request(
      familyDept,
      `mutation($input: CloseFamilyInput!) { closeFamily(input: $input) { status } }`,
      { input: { familyId: createFamily.id, closedOn: '2026-11-01', reason: 'Declined' } },
    );
    await refused(ADD, { familyId: createFamily.id, ...member }, 'input.familyId');
    const res = await stack.post(jobcenter, ADD, { input: { familyId, ...member } });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('correcting a member', () => {
  it('changes the names and role given, with before and after in the history', async () => {
    const { addMember: partner } = await stack.graph.request(familyDept, ADD, {
      input: { familyId, cpr: '0101851235', firstName: 'Lars', lastName: 'Jensen', role: 'OTHER_ADULT' },
    });
    const { updateMember } = await stack.graph.request(familyDept, UPDATE, {
      input: { personId: partner.id, lastName: 'Holm', role: 'PARENT' },
    });
    expect(updateMember).toMatchObject({ firstName: 'Lars', lastName: 'Holm', role: 'PARENT' });
    expect((await read(familyId)).history.edges[0].node).toMatchObject({
      operation: 'UPDATE',
      entity: 'Person',
      entityId: partner.id,
      before: { lastName: 'Jensen', role: 'OTHER_ADULT' },
      after: { lastName: 'Holm', role: 'PARENT' },
    });
    // Back, so that Mette is the only PARENT again.
    await stack.graph.request(familyDept, UPDATE, { input: { personId: partner.id, role: 'OTHER_ADULT' } });
  });

  it('refuses an adult as CHILD, an empty name, the last PARENT’s role and an unknown person', async () => {
    const error = await refused(UPDATE, { personId: metteId, firstName: ' ', role: 'CHILD' }, 'input.firstName');
    expect((error.extensions?.problems as any[]).map((p) => p.field)).toEqual([
      'input.firstName',
      'input.role',
      'input.role',
    ]);
    const last = await refused(UPDATE, { personId: metteId, role: 'OTHER_ADULT' }, 'input.role');
    expect(last.message).toMatch(/last PARENT/);
    await refused(UPDATE, { personId: 'not-an-id', firstName: 'X' }, 'input.personId');
  });
});

describe('removing a member', () => {
  let emilId: string;
  beforeAll(async () => {
    emilId = (await read(familyId)).members.find((m: any) => m.firstName === 'Emil').id;
  });

  it('refuses a future day, an empty reason and the last PARENT', async () => {
    await refused(REMOVE, { personId: emilId, removedOn: '2099-01-01', reason: 'Moving' }, 'input.removedOn');
    await refused(REMOVE, { personId: emilId, removedOn: '2026-11-01', reason: ' ' }, 'input.reason');
    const error = await refused(
      REMOVE,
      { personId: metteId, removedOn: '2026-11-01', reason: 'Moved' },
      'input.personId',
    );
    expect(error.message).toMatch(/last PARENT/);
  });

  it('keeps a removed member as a former member, in the history, and out of the members and the CPR search', async () => {
    const { removeMember } = await stack.graph.request(familyDept, REMOVE, {
      input: { personId: emilId, removedOn: '2026-11-01', reason: 'Moved to his father' },
    });
    expect(removeMember).toMatchObject({ removedOn: '2026-11-01', removalReason: 'Moved to his father' });
    const family = await read(familyId);
    expect(family.members.map((m: any) => m.firstName)).toEqual(['Lars', 'Mette']); // oldest first
    expect(family.formerMembers).toEqual([
      { id: emilId, firstName: 'Emil', removedOn: '2026-11-01', removalReason: 'Moved to his father' },
    ]);
    expect(family.history.edges[0].node).toMatchObject({
      operation: 'REMOVE',
      entityId: emilId,
      reason: 'Moved to his father',
      before: { removedOn: null },
      after: { removedOn: '2026-11-01', removalReason: 'Moved to his father' },
    });
    const { person } = await stack.graph.request(familyDept, `query($id: ID!) { person(id: $id) { removedOn } }`, {
      id: emilId,
    });
    expect(person).toEqual({ removedOn: '2026-11-01' });
    const { familiesByMemberCpr } = await stack.graph.request(
      familyDept,
      `{ familiesByMemberCpr(cpr: "0303124567") { id } }`,
    );
    expect(familiesByMemberCpr).toEqual([]);
    const rows = await queryDatabase(stack.databases.family.url, 'SELECT removed_on FROM person WHERE id = $1', [
      emilId,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('refuses to remove or correct a member who has left', async () => {
    await refused(REMOVE, { personId: emilId, removedOn: '2026-11-02', reason: 'Again' }, 'input.personId');
    await refused(UPDATE, { personId: emilId, firstName: 'Emilio' }, 'input.personId');
  });

  it('removes a PARENT while another PARENT stays, and takes a former member back as a new member', async () => {
    const { addMember: second } = await stack.graph.request(familyDept, ADD, {
      input: { familyId, cpr: '0101851299', firstName: 'Sofie', lastName: 'Jensen', role: 'PARENT' },
    });
    await stack.graph.request(familyDept, REMOVE, {
      input: { personId: metteId, removedOn: '2026-11-10', reason: 'Moved out' },
    });
    const { addMember: back } = await stack.graph.request(familyDept, ADD, {
      input: { familyId, cpr: '0303124567', firstName: 'Emil', lastName: 'Jensen', role: 'CHILD' },
    });
    expect(back.id).not.toBe(emilId);
    const family = await read(familyId);
    expect(family.members.map((m: any) => m.id).sort()).toEqual(
      [second.id, back.id, family.members.find((m: any) => m.firstName === 'Lars').id].sort(),
    );
    expect(family.formerMembers.map((m: any) => m.firstName)).toEqual(['Mette', 'Emil']);
  });
});
