import { startTestStack, type TestStack } from '@helhed/devstack';
import { identity, personalDataHits, findCprNumbers } from '@helhed/testing';

/**
 * Runs a representative session through the whole graph — families created
 * with CPR numbers and names, read back, searched by CPR, and refused for bad
 * input, another department, another municipality and broken requests — with
 * every process logging at `debug`, and fails on any CPR number or any of the
 * names in the captured log. (The whole suite's log output is checked the
 * same way at the end of `npm test`: packages/testing/src/suite-log.)
 */

const NAMES = ['Ingeborg', 'Kragelund', 'Malthe', 'Skovsende', 'Frederikke', 'Østergaard'];
const PARENT_CPR = '1203851234';
const CHILD_CPR = '0405124321';
const OTHER_CPR = '2811794567';

const admin = identity('FAMILY', { roles: ['ADMIN'] });
const familyDept = identity('FAMILY', { userId: 'logcheck-family' });
const jobcenter = identity('JOBCENTER', { userId: 'logcheck-jobcenter' });
const health = identity('HEALTH', { userId: 'logcheck-health' });
const elsewhere = identity('FAMILY', { userId: 'logcheck-elsewhere', municipality: '101' });

const CREATE = `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id firstName lastName cprMasked } } }`;
const ADD_MEMBER = `mutation($input: AddMemberInput!) { addMember(input: $input) { id firstName } }`;
const READ = `query($id: ID!) { family(id: $id) { id caseReference members { id firstName lastName cprMasked birthDate age } } }`;
const BY_CPR = `query($cpr: String!) { familiesByMemberCpr(cpr: $cpr) { id members { firstName lastName } } }`;
const PERSON = `query($id: ID!) { person(id: $id) { id firstName lastName benefitPeriods { type from } } }`;
const BENEFIT = `mutation($input: RecordBenefitPeriodInput!) { recordBenefitPeriod(input: $input) { id } }`;

let stack: TestStack;
const lines: string[] = [];

beforeAll(async () => {
  stack = await startTestStack({ logLevel: 'debug', logDestination: { write: (line) => void lines.push(line) } });
});

afterAll(async () => {
  await stack?.close();
});

it('writes no CPR number and no name to any log while families are created, read, searched and refused', async () => {
  const results: Array<{ status: number; errors?: unknown[] }> = [];
  const run = async (...args: Parameters<TestStack['post']>) => {
    const res = await stack.post(...args);
    results.push(res);
    return res;
  };

  await run(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  const created = await run(familyDept, CREATE, {
    input: {
      caseReference: 'LOG-1',
      enrolmentDate: '2026-01-05',
      members: [
        { cpr: PARENT_CPR, firstName: 'Ingeborg', lastName: 'Kragelund', role: 'PARENT' },
        { cpr: CHILD_CPR, firstName: 'Malthe', lastName: 'Kragelund', role: 'CHILD' },
      ],
    },
  });
  const familyId = (created.data as any).createFamily.id as string;
  const parentId = (created.data as any).createFamily.members[0].id as string;
  await run(familyDept, ADD_MEMBER, {
    input: { familyId, cpr: OTHER_CPR, firstName: 'Frederikke', lastName: 'Skovsende', role: 'PARENT' },
  });

  // Reads and a search by CPR number.
  await run(familyDept, READ, { id: familyId });
  await run(familyDept, BY_CPR, { cpr: PARENT_CPR });
  await run(familyDept, BY_CPR, { cpr: '120385-1234' });
  await run(jobcenter, PERSON, { id: parentId });
  await run(health, READ, { id: familyId });

  // Bad input: a malformed and a duplicate CPR number, a blank name, a wrong enum, a wrong type.
  let bad = 0;
  const badMember = (member: Record<string, unknown>) =>
    run(familyDept, CREATE, { input: { caseReference: `LOG-BAD-${++bad}`, members: [member] } });
  await badMember({ cpr: '12038599', firstName: 'Østergaard', lastName: 'Skovsende', role: 'PARENT' });
  await badMember({ cpr: '3213851234', firstName: 'Frederikke', lastName: 'Østergaard', role: 'PARENT' });
  await badMember({ cpr: PARENT_CPR, firstName: 'Ingeborg', lastName: 'Kragelund', role: 'PARENT' });
  await badMember({ cpr: OTHER_CPR, firstName: ' ', lastName: 'Østergaard', role: 'PARENT' });
  await badMember({ cpr: OTHER_CPR, firstName: 'Frederikke', lastName: 'Østergaard', role: 'GRANDPARENT' });
  await badMember({ cpr: 1203851234, firstName: 'Frederikke', lastName: 'Østergaard', role: 'PARENT' });
  // A Date only the subgraph checks: refused there with HTTP 400, passed on as the client's bad input.
  const badDate = await run(jobcenter, BENEFIT, {
    input: { personId: parentId, type: 'KONTANTHJAELP', from: '2026-13-01' },
  });
  expect(badDate.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.from' });
  await run(jobcenter, BENEFIT, { input: { personId: parentId, type: 'KONTANTHJAELP', from: 'Ingeborg' } });
  await run(jobcenter, BENEFIT, {
    input: { personId: parentId, type: 'KONTANTHJAELP', from: '2026-03-01', to: '2026-02-01' },
  });

  // Forbidden and not found: another department writing, another municipality reading and searching.
  await run(jobcenter, CREATE, {
    input: {
      caseReference: 'LOG-JC',
      members: [{ cpr: OTHER_CPR, firstName: 'Frederikke', lastName: 'Skovsende', role: 'PARENT' }],
    },
  });
  await run(elsewhere, READ, { id: familyId });
  await run(elsewhere, BY_CPR, { cpr: PARENT_CPR });
  await run(elsewhere, PERSON, { id: parentId });

  // Broken requests: unauthenticated, a syntax error with a CPR number in it, an unknown field.
  await run(null, BY_CPR, { cpr: PARENT_CPR });
  await run(familyDept, `{ familiesByMemberCpr(cpr: "${PARENT_CPR}") { id members { firstName } }`);
  await run(familyDept, `{ familiesByMemberCpr(cpr: "${PARENT_CPR}") { id Ingeborg } }`);

  // The session did what it should: created, read, and was refused several times.
  expect(results.filter((r) => r.errors === undefined).length).toBeGreaterThanOrEqual(6);
  expect(results.filter((r) => r.errors !== undefined).length).toBeGreaterThanOrEqual(10);
  expect(lines.length).toBeGreaterThan(results.length);
  const services = new Set(lines.map((line) => (JSON.parse(line) as { service: string }).service));
  expect([...services].sort()).toEqual(['economy', 'employment', 'family', 'gateway', 'health', 'notifications']);
  // The check itself finds what it looks for.
  expect(findCprNumbers(`{"cpr":"${PARENT_CPR}","other":"120385-1234"}`)).toHaveLength(2);
  expect(findCprNumbers('{"requestId":"7c084945-9602-45ca-a0c5-13026a968833","time":1795369599043}')).toEqual([]);
  expect(personalDataHits([`{"msg":"forIngeborg"}`], NAMES, { anywhere: true })).toHaveLength(1);

  // The shared check (CPR_PATTERN of @helhed/testing, as the whole suite's log check uses).
  expect(personalDataHits(lines, NAMES, { anywhere: true })).toEqual([]);
});
