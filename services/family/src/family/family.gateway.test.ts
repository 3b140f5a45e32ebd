import { startTestStack, type TestStack } from '@helhed/devstack';
import { identity, queryDatabase } from '@helhed/testing';

/** A family's lifecycle and the family search, through the gateway on real databases. */
let stack: TestStack;
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const familyDept = identity('FAMILY');
const jobcenter = identity('JOBCENTER');
const otherMunicipality = identity('FAMILY', { municipality: '101' });

const CREATE = `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id } }`;
const FAMILY = `id caseReference status enrolmentDate closedOn closeReason`;
const UPDATE = `mutation($input: UpdateFamilyInput!) { updateFamily(input: $input) { ${FAMILY} } }`;
const ACTIVATE = `mutation($input: ActivateFamilyInput!) { activateFamily(input: $input) { ${FAMILY} } }`;
const CLOSE = `mutation($input: CloseFamilyInput!) { closeFamily(input: $input) { ${FAMILY} } }`;
const HISTORY = `query($id: ID!) { family(id: $id) { history { edges { node { operation entity by before after reason } } } } }`;

let parentCpr = 1000;
/** A family with one parent (a new CPR number each time), optionally enrolled. */
async function createFamily(caseReference: string, enrolmentDate?: string, who = familyDept): Promise<string> {
  parentCpr += 1;
  const { createFamily: created } = await stack.graph.request(who, CREATE, {
    input: {
      caseReference,
      enrolmentDate,
      members: [{ cpr: `010190${parentCpr}`, firstName: 'Mette', lastName: caseReference, role: 'PARENT' }],
    },
  });
  return created.id;
}

const changeCount = async () =>
  Number((await queryDatabase(stack.databases.family.url, 'SELECT count(*) AS n FROM change_record'))[0]!.n);

/** Posts a mutation that must be refused with BAD_USER_INPUT on `field`, and checks nothing was written. */
async function refused(query: string, input: Record<string, unknown>, field: string, who = familyDept) {
  const before = await changeCount();
  const res = await stack.post(who, query, { input });
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(await changeCount()).toBe(before);
  return res.errors![0]!;
}

async function latestChange(familyId: string) {
  const { family } = await stack.graph.request(familyDept, HISTORY, { id: familyId });
  return family.history.edges[0].node;
}

beforeAll(async () => {
  stack = await startTestStack();
  await stack.graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  await stack.graph.request(
    identity('FAMILY', { roles: ['ADMIN'], municipality: '101' }),
    `mutation { registerMunicipality(input: { code: "101", name: "København" }) { code } }`,
  );
});

afterAll(async () => {
  await stack?.close();
});

describe('a family from intake to closed', () => {
  let id: string;
  beforeAll(async () => {
    id = await createFamily('LIFE-1');
  });

  it('does not take an enrolment date by update while in INTAKE', async () => {
    await refused(UPDATE, { familyId: id, enrolmentDate: '2026-02-01' }, 'input.enrolmentDate');
  });

  it('activates a family in INTAKE, with the change in its history', async () => {
    const { activateFamily } = await stack.graph.request(familyDept, ACTIVATE, {
      input: { familyId: id, enrolmentDate: '2026-02-01' },
    });
    expect(activateFamily).toMatchObject({ status: 'ACTIVE', enrolmentDate: '2026-02-01' });
    expect(await latestChange(id)).toMatchObject({
      operation: 'ACTIVATE',
      entity: 'Family',
      by: familyDept.userId,
      before: { status: 'INTAKE', enrolmentDate: null },
      after: { status: 'ACTIVE', enrolmentDate: '2026-02-01' },
    });
  });

  it('refuses to activate an ACTIVE family, and an enrolment date in the future', async () => {
    const error = await refused(ACTIVATE, { familyId: id, enrolmentDate: '2026-02-01' }, 'input.familyId');
    expect(error.message).toMatch(/ACTIVE already/);
    const intake = await createFamily('LIFE-FUTURE');
    await refused(ACTIVATE, { familyId: intake, enrolmentDate: '2099-01-01' }, 'input.enrolmentDate');
  });

  it('corrects the case reference and the enrolment date, keeping before and after', async () => {
    const { updateFamily } = await stack.graph.request(familyDept, UPDATE, {
      input: { familyId: id, caseReference: ' LIFE-1B ', enrolmentDate: '2026-01-15' },
    });
    expect(updateFamily).toMatchObject({ caseReference: 'LIFE-1B', enrolmentDate: '2026-01-15', status: 'ACTIVE' });
    expect(await latestChange(id)).toMatchObject({
      operation: 'UPDATE',
      before: { caseReference: 'LIFE-1', enrolmentDate: '2026-02-01' },
      after: { caseReference: 'LIFE-1B', enrolmentDate: '2026-01-15' },
    });
  });

  it('writes no history row for an update that changes nothing', async () => {
    const before = await changeCount();
    await stack.graph.request(familyDept, UPDATE, { input: { familyId: id, caseReference: 'LIFE-1B' } });
    expect(await changeCount()).toBe(before);
  });

  it('refuses a case reference in use, a malformed one and an enrolment date in the future', async () => {
    await createFamily('LIFE-TAKEN');
    await refused(UPDATE, { familyId: id, caseReference: 'LIFE-TAKEN' }, 'input.caseReference');
    const error = await refused(
      UPDATE,
      { familyId: id, caseReference: 'no spaces', enrolmentDate: '2099-01-01' },
      'input.caseReference',
    );
    expect(error.extensions?.problems).toEqual([
      expect.objectContaining({ field: 'input.caseReference' }),
      expect.objectContaining({ field: 'input.enrolmentDate' }),
    ]);
  });

  it('refuses to close before enrolment, from a future day, or with no or a too long reason', async () => {
    await refused(CLOSE, { familyId: id, closedOn: '2026-01-14', reason: 'Moved' }, 'input.closedOn');
    await refused(CLOSE, { familyId: id, closedOn: '2099-01-01', reason: 'Moved' }, 'input.closedOn');
    await refused(CLOSE, { familyId: id, closedOn: '2026-06-30', reason: '  ' }, 'input.reason');
    await refused(CLOSE, { familyId: id, closedOn: '2026-06-30', reason: 'x'.repeat(501) }, 'input.reason');
  });

  it('closes an ACTIVE family with a date and a reason, kept in the history', async () => {
    const { closeFamily } = await stack.graph.request(familyDept, CLOSE, {
      input: { familyId: id, closedOn: '2026-06-30', reason: 'Goals reached' },
    });
    expect(closeFamily).toMatchObject({ status: 'CLOSED', closedOn: '2026-06-30', closeReason: 'Goals reached' });
    expect(await latestChange(id)).toMatchObject({
      operation: 'CLOSE',
      reason: 'Goals reached',
      before: { status: 'ACTIVE', closedOn: null },
      after: { status: 'CLOSED', closedOn: '2026-06-30', closeReason: 'Goals reached' },
    });
  });

  it('refuses to close a CLOSED family again or to activate it', async () => {
    await refused(CLOSE, { familyId: id, closedOn: '2026-07-01', reason: 'Again' }, 'input.familyId');
    const error = await refused(ACTIVATE, { familyId: id, enrolmentDate: '2026-07-01' }, 'input.familyId');
    expect(error.message).toMatch(/CLOSED family cannot be activated/);
  });

  it('refuses an enrolment date after the closing date', async () => {
    await refused(UPDATE, { familyId: id, enrolmentDate: '2026-07-01' }, 'input.enrolmentDate');
  });

  it('closes a family in INTAKE', async () => {
    const intake = await createFamily('LIFE-DECLINED');
    const { closeFamily } = await stack.graph.request(familyDept, CLOSE, {
      input: { familyId: intake, closedOn: '2026-11-01', reason: 'Declined the offer' },
    });
    expect(closeFamily).toMatchObject({ status: 'CLOSED', enrolmentDate: null, closedOn: '2026-11-01' });
  });

  it('refuses an unknown family, another municipality’s family, and other departments', async () => {
    await refused(CLOSE, { familyId: 'nope', closedOn: '2026-07-01', reason: 'x' }, 'input.familyId');
    await refused(
      CLOSE,
      { familyId: '00000000-0000-4000-8000-000000000000', closedOn: '2026-07-01', reason: 'x' },
      'input.familyId',
    );
    const theirs = await createFamily('KBH-1', '2026-01-01', otherMunicipality);
    await refused(ACTIVATE, { familyId: theirs, enrolmentDate: '2026-01-01' }, 'input.familyId');
    await refused(UPDATE, { familyId: theirs, caseReference: 'MINE' }, 'input.familyId');
    const res = await stack.post(jobcenter, CLOSE, { input: { familyId: id, closedOn: '2026-07-01', reason: 'x' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('searching families', () => {
  const PAGE = `query($first: Int, $after: String, $filter: FamilyFilter) {
    families(first: $first, after: $after, filter: $filter) {
      edges { cursor node { id caseReference status } } pageInfo { hasNextPage endCursor } } }`;
  const all: string[] = [];

  beforeAll(async () => {
    const { families } = await stack.graph.request(familyDept, PAGE, { first: 200 });
    all.push(...families.edges.map((e: any) => e.node.caseReference));
    // Eight more, newest last: with the families above there are at least three pages of three.
    for (let i = 1; i <= 8; i++) {
      await createFamily(`SEARCH-${i}`, i % 2 === 0 ? '2026-03-01' : undefined);
    }
  });

  it('pages through all families newest first with `after`, each family once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { families }: any = await stack.graph.request(familyDept, PAGE, { first: 3, after });
      pages += 1;
      expect(families.edges.length).toBeLessThanOrEqual(3);
      seen.push(...families.edges.map((e: any) => e.node.caseReference));
      expect(families.pageInfo.endCursor).toBe(families.edges.at(-1)?.cursor ?? null);
      if (!families.pageInfo.hasNextPage) break;
      after = families.pageInfo.endCursor;
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(seen.slice(0, 8)).toEqual([
      'SEARCH-8',
      'SEARCH-7',
      'SEARCH-6',
      'SEARCH-5',
      'SEARCH-4',
      'SEARCH-3',
      'SEARCH-2',
      'SEARCH-1',
    ]);
    expect(seen).toHaveLength(all.length + 8);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain('KBH-1');
  });

  it('gives three pages of three with `after`', async () => {
    const first = (await stack.graph.request(familyDept, PAGE, { first: 3 })).families;
    const second = (await stack.graph.request(familyDept, PAGE, { first: 3, after: first.pageInfo.endCursor }))
      .families;
    const third = (await stack.graph.request(familyDept, PAGE, { first: 3, after: second.pageInfo.endCursor }))
      .families;
    const refs = [first, second, third].map((p) => p.edges.map((e: any) => e.node.caseReference));
    expect(refs[0]).toEqual(['SEARCH-8', 'SEARCH-7', 'SEARCH-6']);
    expect(refs[1]).toEqual(['SEARCH-5', 'SEARCH-4', 'SEARCH-3']);
    expect(refs[2]).toEqual(['SEARCH-2', 'SEARCH-1', all[0]]);
    expect([first, second, third].map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, true]);
  });

  it('refuses a cursor it did not give out, and a page size out of range', async () => {
    for (const after of ['nonsense', Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url')]) {
      const res = await stack.post(familyDept, PAGE, { first: 3, after });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
    const res = await stack.post(familyDept, PAGE, { first: 201 });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('filters by status', async () => {
    const { families } = await stack.graph.request(familyDept, PAGE, { first: 200, filter: { status: 'ACTIVE' } });
    const refs = families.edges.map((e: any) => e.node.caseReference);
    expect(families.edges.every((e: any) => e.node.status === 'ACTIVE')).toBe(true);
    expect(refs).toEqual(expect.arrayContaining(['SEARCH-8', 'SEARCH-6', 'SEARCH-4', 'SEARCH-2']));
    expect(refs).not.toContain('SEARCH-1');
    const closed = (await stack.graph.request(familyDept, PAGE, { first: 200, filter: { status: 'CLOSED' } })).families;
    expect(closed.edges.map((e: any) => e.node.caseReference).sort()).toEqual(['LIFE-1B', 'LIFE-DECLINED']);
  });

  it('finds a family by its case reference, only in the caller’s municipality', async () => {
    const query = `query($ref: String!) { familyByCaseReference(caseReference: $ref) { caseReference status } }`;
    expect((await stack.graph.request(familyDept, query, { ref: ' SEARCH-3 ' })).familyByCaseReference).toEqual({
      caseReference: 'SEARCH-3',
      status: 'INTAKE',
    });
    expect((await stack.graph.request(familyDept, query, { ref: 'NO-SUCH' })).familyByCaseReference).toBeNull();
    expect((await stack.graph.request(familyDept, query, { ref: 'KBH-1' })).familyByCaseReference).toBeNull();
    expect((await stack.graph.request(otherMunicipality, query, { ref: 'KBH-1' })).familyByCaseReference).toEqual({
      caseReference: 'KBH-1',
      status: 'ACTIVE',
    });
  });

  it('finds a family by a member CPR number', async () => {
    const { familiesByMemberCpr } = await stack.graph.request(
      familyDept,
      `{ familiesByMemberCpr(cpr: "0101901001") { caseReference } }`,
    );
    expect(familiesByMemberCpr).toEqual([{ caseReference: 'LIFE-1B' }]);
  });
});
