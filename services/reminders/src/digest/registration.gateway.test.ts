import { addBusinessDays, nthBusinessDayOfMonth } from '@helhed/calendar';
import { startTestStack, type TestStack } from '@helhed/devstack';
import { TEST_SECRETS, identity } from '@helhed/testing';
import { silentLogger } from '../__tests__/harness';
import { GraphDueSource, serviceIdentity } from '../due/graph-due-source';
import { DEFAULT_LEAD_TIMES } from '../rules/lead-times';
import { computeDigests } from './daily-digest';
import type { DigestStore } from './digest-store';

/**
 * The monthly-registration reminders against the real graph: the contract of
 * issues 7/8 (`registrationMonths`, `registrationDeadline`) read with the
 * worker's SERVICE identity.
 */

jest.setTimeout(120_000);

describe('monthly registration reminders through the gateway', () => {
  let stack: TestStack;
  let source: GraphDueSource;
  let familyId: string;
  let fieId: string;
  const admin = identity('FAMILY', { roles: ['ADMIN'] });
  const familyDept = identity('FAMILY');

  beforeAll(async () => {
    stack = await startTestStack();
    await stack.graph.request(
      admin,
      `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`,
    );
    const register = async (name: string, department: string) =>
      (
        await stack.graph.request(
          admin,
          `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
          { input: { name, email: `${name.toLowerCase().replace(/ /g, '.')}@example.dk`, department } },
        )
      ).registerCaseworker.id as string;
    fieId = await register('Fie Familie', 'FAMILY');
    const { createFamily } = await stack.graph.request(
      familyDept,
      `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id } }`,
      {
        input: {
          caseReference: 'REG-1',
          enrolmentDate: '2026-01-05',
          members: [
            { cpr: '0101800123', firstName: 'Hemmelig', lastName: 'Forælder', role: 'PARENT' },
            { cpr: '0101154123', firstName: 'Hemmeligt', lastName: 'Barn', role: 'CHILD' },
          ],
        },
      },
    );
    familyId = createFamily.id;
    await stack.graph.request(
      familyDept,
      `mutation($input: SetContactPersonInput!) { setContactPerson(input: $input) { id } }`,
      { input: { familyId, caseworkerId: fieId, from: '2026-01-05' } },
    );
    source = new GraphDueSource({
      GATEWAY_URL: stack.gatewayUrl,
      JWT_ISSUER: 'helhed-test',
      JWT_AUDIENCE: 'helhed',
      JWT_SECRET: TEST_SECRETS.jwt,
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it("reads March's deadline and members with the SERVICE identity, without the person", async () => {
    const deadline = await source.registrationDeadline('630', '2026-03');
    expect(deadline).toBe(nthBusinessDayOfMonth('2026-04', 5));
    const members = await source.registrationMonths('630', '2026-03');
    expect(members.map((m) => [m.caseReference, m.memberNumber, m.memberRole, m.complete])).toEqual([
      ['REG-1', 1, 'PARENT', false],
      ['REG-1', 2, 'CHILD', false],
    ]);
    expect(members[0]?.contactPerson?.id).toBe(fieId);
    const res = await stack.post(
      serviceIdentity('630'),
      `{ registrationMonths(month: "2026-03") { person { firstName } } }`,
    );
    expect(res.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });

  it('3 business days before the deadline the contact person gets the members missing a part, without names', async () => {
    const deadline = await source.registrationDeadline('630', '2026-03');
    const deps = {
      source,
      store: { preferences: async () => new Map() } as unknown as DigestStore,
      lead: DEFAULT_LEAD_TIMES,
      frontendBaseUrl: 'https://helhed.example',
      municipalities: ['630'],
      logger: silentLogger(),
    };
    const digests = await computeDigests(deps, '630', addBusinessDays(deadline, -3));
    const fie = digests.find((d) => d.caseworkerId === fieId);
    expect(fie?.text).toMatch(/Månedlig registrering for 2026-03 i sag REG-1 mangler dele/);
    expect(fie?.text).toMatch(/medlem nr\. 1 \(forælder\)/);
    for (const d of digests) expect(d.text + d.html).not.toMatch(/Hemmelig|\d{6}-?\d{4}/);
  });

  it('fails the run when what is due cannot be read, rather than reminding only the follow-ups', async () => {
    const deadline = await source.registrationDeadline('630', '2026-03');
    // What the graph answers when a field is not in it (the error an earlier fallback swallowed as a warning).
    const missing = await stack.post(
      serviceIdentity('630'),
      `{ registrationMonthsGone(month: "2026-03") { personId } }`,
    );
    const message = missing.errors?.[0]?.message ?? '';
    expect(message).toMatch(/Cannot query field "registrationMonthsGone"/);
    const failing = Object.assign(Object.create(source) as GraphDueSource, {
      registrationMonths: async () => {
        throw new Error(message.replace('registrationMonthsGone', 'registrationMonths'));
      },
    });
    const deps = {
      source: failing,
      store: { preferences: async () => new Map() } as unknown as DigestStore,
      lead: DEFAULT_LEAD_TIMES,
      frontendBaseUrl: 'https://helhed.example',
      municipalities: ['630'],
      logger: silentLogger(),
    };
    await expect(computeDigests(deps, '630', addBusinessDays(deadline, -3))).rejects.toThrow(
      /Cannot query field "registrationMonths"/,
    );
  });
});
