/** @clock-sensitive dst-autumn */
import { startTestStack, type TestStack } from '@helhed/devstack';
import { identity, queryDatabase, useClock } from '@helhed/testing';
import { today as todayOnClock } from '../clock';

/**
 * Custody, consent and other legal bases through the gateway, on real
 * PostgreSQL. Ages are fixed by the CPR numbers: the parents are adults, Emil
 * is 10 and Sofie 16 (born 2016 and 2010), so they stay under and over 15 for years.
 */
let stack: TestStack;
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const family = identity('FAMILY');
const jobcenter = identity('JOBCENTER');
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
// Withdrawals and ends are checked against "today" across several requests: the clock stands still for the
// file at the run's instant (HELHED_NOW in the clock passes), so a run at 23:59 does not change day midway.
useClock('current', { frozen: true });
let today: string;
let yesterday: string;
beforeAll(() => {
  today = todayOnClock();
  yesterday = dayBefore(today);
});

const PERSON = `id firstName`;
const CONSENT = `id status departments categories purpose validFrom validTo withdrawnOn withdrawalReason recordedBy
  person { id } givenBy { id }`;
const SET_CUSTODY = `mutation($input: SetCustodyHoldersInput!) {
  setCustodyHolders(input: $input) { id custodyHolders { ${PERSON} } } }`;
const GIVE = `mutation($input: GiveConsentInput!) { giveConsent(input: $input) { ${CONSENT} } }`;
const WITHDRAW = `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { ${CONSENT} } }`;
const RECORD_BASIS = `mutation($input: RecordLegalBasisInput!) {
  recordLegalBasis(input: $input) { id code citation departments categories validFrom validTo status recordedBy person { id } } }`;
const END_BASIS = `mutation($input: EndLegalBasisInput!) { endLegalBasis(input: $input) { id validTo status } }`;
const PERMISSION = `query($personId: ID!, $department: Department!, $category: DataCategory!, $on: Date) {
  sharingPermission(personId: $personId, department: $department, category: $category, on: $on) {
    allowed department category on basis { kind consent { id } legalBasis { id code } } } }`;

const ids: Record<'mette' | 'lars' | 'emil' | 'sofie' | 'jonas', string> = {
  mette: '',
  lars: '',
  emil: '',
  sofie: '',
  jonas: '',
};

const count = async (table: string) =>
  Number((await queryDatabase(stack.databases.family.url, `SELECT count(*) AS n FROM ${table}`))[0]!.n);

/** Everything this module writes, to show that a refusal writes nothing. */
const written = async () => ({
  custody: await count('custody'),
  consent: await count('consent'),
  legalBasis: await count('legal_basis'),
  history: await count('change_record'),
});

const permission = async (personId: string, department: string, category: string, on?: string) =>
  (await stack.graph.request(jobcenter, PERMISSION, { personId, department, category, on })).sharingPermission;

/** Posts a mutation that must be refused with BAD_USER_INPUT at `field`, and checks nothing was written. */
async function expectRefused(query: string, input: Record<string, unknown>, field: string, who = family) {
  const before = await written();
  const res = await stack.post(who, query, { input });
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(await written()).toEqual(before);
  return res.errors![0]!;
}

beforeAll(async () => {
  stack = await startTestStack();
  await stack.graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  const { createFamily } = await stack.graph.request(
    family,
    `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id firstName } } }`,
    {
      input: {
        caseReference: 'VEJ-C-1',
        members: [
          { cpr: '120588-1234', firstName: 'Mette', lastName: 'Holm', role: 'PARENT' },
          { cpr: '010286-1235', firstName: 'Lars', lastName: 'Holm', role: 'PARENT' },
          { cpr: '030316-4567', firstName: 'Emil', lastName: 'Holm', role: 'CHILD' },
          { cpr: '150110-4322', firstName: 'Sofie', lastName: 'Holm', role: 'CHILD' },
          { cpr: '010107-4001', firstName: 'Jonas', lastName: 'Holm', role: 'OTHER_ADULT' },
        ],
      },
    },
  );
  for (const m of createFamily.members as Array<{ id: string; firstName: string }>) {
    ids[m.firstName.toLowerCase() as keyof typeof ids] = m.id;
  }
  // The jobcenter caller is a registered caseworker on the family's team (the team rule).
  const { registerCaseworker } = await stack.graph.request(
    admin,
    `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
    { input: { name: 'Jens Job', email: 'jens.job@example.dk', department: 'JOBCENTER' } },
  );
  jobcenter.userId = registerCaseworker.id;
  await stack.graph.request(
    family,
    `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`,
    { input: { familyId: createFamily.id, caseworkerId: registerCaseworker.id, from: '2026-01-05' } },
  );
});

afterAll(async () => {
  await stack?.close();
});

describe('custody', () => {
  it('sets two adult members as custody holders of a child, seen from both sides', async () => {
    const { setCustodyHolders } = await stack.graph.request(family, SET_CUSTODY, {
      input: { childId: ids.emil, holderIds: [ids.mette, ids.lars] },
    });
    expect(setCustodyHolders.custodyHolders.map((p: { firstName: string }) => p.firstName).sort()).toEqual([
      'Lars',
      'Mette',
    ]);
    await stack.graph.request(family, SET_CUSTODY, { input: { childId: ids.sofie, holderIds: [ids.mette] } });
    const { person } = await stack.graph.request(
      family,
      `query($id: ID!) { person(id: $id) { custodyOf { firstName } custodyHolders { id } } }`,
      { id: ids.mette },
    );
    expect(person.custodyOf.map((p: { firstName: string }) => p.firstName).sort()).toEqual(['Emil', 'Sofie']);
    expect(person.custodyHolders).toEqual([]);
  });

  it('replacing holders ends the old custody instead of deleting it, with history rows', async () => {
    const rowsBefore = await count('custody');
    const { setCustodyHolders } = await stack.graph.request(family, SET_CUSTODY, {
      input: { childId: ids.emil, holderIds: [ids.mette] },
    });
    expect(setCustodyHolders.custodyHolders).toEqual([{ id: ids.mette, firstName: 'Mette' }]);
    expect(await count('custody')).toBe(rowsBefore);
    const [ended] = await queryDatabase(
      stack.databases.family.url,
      `SELECT ended_on::text AS ended_on, ended_by FROM custody WHERE child_id = $1 AND holder_id = $2`,
      [ids.emil, ids.lars],
    );
    expect(ended).toEqual({ ended_on: today, ended_by: family.userId });

    const { person } = await stack.graph.request(
      family,
      `query($id: ID!) { person(id: $id) { custodyOf { id } family { history(first: 20) { edges { node { entity operation } } } } } }`,
      { id: ids.lars },
    );
    expect(person.custodyOf).toEqual([]);
    const custodyChanges = person.family.history.edges
      .map((e: { node: { entity: string; operation: string } }) => e.node)
      .filter((n: { entity: string }) => n.entity === 'Custody')
      .map((n: { operation: string }) => n.operation);
    expect(custodyChanges).toEqual(['END', 'CREATE', 'CREATE', 'CREATE']);
  });

  it('refuses a child as custody holder, with the path of that holder, and writes nothing', async () => {
    const error = await expectRefused(
      SET_CUSTODY,
      { childId: ids.emil, holderIds: [ids.mette, ids.sofie] },
      'input.holderIds[1]',
    );
    expect(error.message).toMatch(/A child cannot hold custody/);
  });

  it('refuses custody of an adult member, unknown holders, and writes nothing', async () => {
    await expectRefused(SET_CUSTODY, { childId: ids.jonas, holderIds: [ids.mette] }, 'input.childId');
    await expectRefused(
      SET_CUSTODY,
      { childId: ids.emil, holderIds: ['00000000-0000-4000-8000-000000000000'] },
      'input.holderIds[0]',
    );
  });

  it('lets only the family department set custody', async () => {
    const res = await stack.post(jobcenter, SET_CUSTODY, { input: { childId: ids.emil, holderIds: [] } });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('consent', () => {
  const consentInput = (over: Record<string, unknown> = {}) => ({
    personId: ids.mette,
    givenById: ids.mette,
    departments: ['JOBCENTER'],
    categories: ['HEALTH'],
    purpose: 'The one family plan: the jobcenter plans offers around treatment',
    validFrom: '2026-01-01',
    ...over,
  });

  it('refuses a consent for a child under 15 by anyone but a custody holder, and writes nothing', async () => {
    // Lars's custody of Emil was ended above: a parent without custody cannot consent for the child.
    const byFormerHolder = await expectRefused(
      GIVE,
      consentInput({ personId: ids.emil, givenById: ids.lars }),
      'input.givenById',
    );
    expect(byFormerHolder.message).toMatch(/custody holder/);
    await expectRefused(GIVE, consentInput({ personId: ids.emil, givenById: ids.emil }), 'input.givenById');
    await expectRefused(GIVE, consentInput({ personId: ids.emil, givenById: ids.jonas }), 'input.givenById');
  });

  it('accepts a consent for a child under 15 from a custody holder', async () => {
    const { giveConsent } = await stack.graph.request(family, GIVE, {
      input: consentInput({ personId: ids.emil, givenById: ids.mette, categories: ['SOCIAL'] }),
    });
    expect(giveConsent).toMatchObject({ status: 'ACTIVE', person: { id: ids.emil }, givenBy: { id: ids.mette } });
  });

  it('lets a 16-year-old consent for themselves', async () => {
    const { giveConsent } = await stack.graph.request(family, GIVE, {
      input: consentInput({
        personId: ids.sofie,
        givenById: ids.sofie,
        departments: ['HEALTH'],
        categories: ['SOCIAL'],
      }),
    });
    expect(giveConsent).toMatchObject({
      status: 'ACTIVE',
      person: { id: ids.sofie },
      givenBy: { id: ids.sofie },
      departments: ['HEALTH'],
      categories: ['SOCIAL'],
      recordedBy: family.userId,
      validTo: null,
      withdrawnOn: null,
    });
  });

  it('refuses an adult consenting for another adult', async () => {
    await expectRefused(GIVE, consentInput({ personId: ids.jonas, givenById: ids.mette }), 'input.givenById');
  });

  it('keeps HEALTH from the JOBCENTER until a consent names both HEALTH and JOBCENTER', async () => {
    expect(await permission(ids.mette, 'HEALTH', 'HEALTH')).toMatchObject({
      allowed: true,
      basis: [{ kind: 'OWN_DEPARTMENT', consent: null, legalBasis: null }],
    });
    expect(await permission(ids.mette, 'JOBCENTER', 'HEALTH')).toEqual({
      allowed: false,
      department: 'JOBCENTER',
      category: 'HEALTH',
      on: today,
      basis: [],
    });
    await stack.graph.request(family, GIVE, {
      input: consentInput({ departments: ['FAMILY'], categories: ['HEALTH'] }),
    });
    await stack.graph.request(family, GIVE, { input: consentInput({ categories: ['EMPLOYMENT', 'SOCIAL'] }) });
    expect((await permission(ids.mette, 'JOBCENTER', 'HEALTH')).allowed).toBe(false);

    const { giveConsent } = await stack.graph.request(family, GIVE, { input: consentInput() });
    expect(await permission(ids.mette, 'JOBCENTER', 'HEALTH')).toMatchObject({
      allowed: true,
      basis: [{ kind: 'CONSENT', consent: { id: giveConsent.id }, legalBasis: null }],
    });
    // The consent is Mette's: it says nothing about her children's data.
    expect((await permission(ids.emil, 'JOBCENTER', 'HEALTH')).allowed).toBe(false);
  });

  it('keeps a withdrawn consent, WITHDRAWN from the withdrawal day, when sharing stops', async () => {
    const { giveConsent } = await stack.graph.request(family, GIVE, {
      input: consentInput({ personId: ids.jonas, givenById: ids.jonas, categories: ['ECONOMY'] }),
    });
    expect((await permission(ids.jonas, 'JOBCENTER', 'ECONOMY')).allowed).toBe(true);

    const { withdrawConsent } = await stack.graph.request(family, WITHDRAW, {
      input: { consentId: giveConsent.id, withdrawnOn: today, reason: 'Does not want the jobcenter to see costs' },
    });
    expect(withdrawConsent).toMatchObject({
      id: giveConsent.id,
      status: 'WITHDRAWN',
      withdrawnOn: today,
      withdrawalReason: 'Does not want the jobcenter to see costs',
    });
    expect((await permission(ids.jonas, 'JOBCENTER', 'ECONOMY', yesterday)).allowed).toBe(true);
    expect(await permission(ids.jonas, 'JOBCENTER', 'ECONOMY', today)).toMatchObject({ allowed: false, basis: [] });
    expect((await permission(ids.jonas, 'JOBCENTER', 'ECONOMY')).allowed).toBe(false);

    const { person } = await stack.graph.request(
      family,
      `query($id: ID!) { person(id: $id) { all: consents { id status } current: consents(includeEnded: false) { id } } }`,
      { id: ids.jonas },
    );
    expect(person.all).toEqual([{ id: giveConsent.id, status: 'WITHDRAWN' }]);
    expect(person.current).toEqual([]);
    const [history] = await queryDatabase(
      stack.databases.family.url,
      `SELECT operation, reason, before->>'withdrawnOn' AS before, after->>'withdrawnOn' AS after
         FROM change_record WHERE entity = 'Consent' AND entity_id = $1 AND operation = 'WITHDRAW'`,
      [giveConsent.id],
    );
    expect(history).toEqual({
      operation: 'WITHDRAW',
      reason: 'Does not want the jobcenter to see costs',
      before: null,
      after: today,
    });

    await expectRefused(WITHDRAW, { consentId: giveConsent.id, withdrawnOn: today }, 'input.consentId');
  });

  it('refuses a withdrawal before the consent began, and writes nothing', async () => {
    const { giveConsent } = await stack.graph.request(family, GIVE, {
      input: consentInput({ validFrom: yesterday, categories: ['ECONOMY'] }),
    });
    await expectRefused(
      WITHDRAW,
      { consentId: giveConsent.id, withdrawnOn: dayBefore(yesterday) },
      'input.withdrawnOn',
    );
    await expectRefused(WITHDRAW, { consentId: 'not-an-id', withdrawnOn: today }, 'input.consentId');
  });

  it('lets a consent expire after its last day', async () => {
    const { giveConsent } = await stack.graph.request(family, GIVE, {
      input: consentInput({
        personId: ids.lars,
        givenById: ids.lars,
        categories: ['SOCIAL'],
        validFrom: '2026-01-01',
        validTo: '2026-06-30',
      }),
    });
    expect(giveConsent.status).toBe('EXPIRED');
    expect((await permission(ids.lars, 'JOBCENTER', 'SOCIAL', '2026-06-30')).allowed).toBe(true);
    expect((await permission(ids.lars, 'JOBCENTER', 'SOCIAL', '2026-07-01')).allowed).toBe(false);
    expect((await permission(ids.lars, 'JOBCENTER', 'SOCIAL')).allowed).toBe(false);
  });

  it('refuses bad consents with their field paths, and writes nothing', async () => {
    await expectRefused(GIVE, consentInput({ departments: [] }), 'input.departments');
    await expectRefused(GIVE, consentInput({ categories: [] }), 'input.categories');
    await expectRefused(GIVE, consentInput({ purpose: '  ' }), 'input.purpose');
    await expectRefused(GIVE, consentInput({ purpose: 'x'.repeat(501) }), 'input.purpose');
    await expectRefused(GIVE, consentInput({ validTo: '2025-12-31' }), 'input.validTo');
    await expectRefused(GIVE, consentInput({ personId: '00000000-0000-4000-8000-000000000000' }), 'input.personId');
  });

  it('refuses an unknown department or category (GraphQL enum coercion), and writes nothing', async () => {
    const department = await expectRefused(GIVE, consentInput({ departments: ['POLICE'] }), 'input.departments[0]');
    expect(department.message).toMatch(/POLICE/);
    await expectRefused(GIVE, consentInput({ categories: ['HEALTH', 'GENETICS'] }), 'input.categories[1]');
  });

  it('lets only the family department record consents', async () => {
    const before = await written();
    const res = await stack.post(jobcenter, GIVE, { input: consentInput() });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await written()).toEqual(before);
  });
});

describe('other legal basis', () => {
  const basisInput = (over: Record<string, unknown> = {}) => ({
    personId: ids.emil,
    departments: ['HEALTH', 'JOBCENTER'],
    categories: ['SOCIAL'],
    code: 'SEL_49B',
    citation: 'Servicelovens § 49 b: exchange of information about children and young people',
    validFrom: '2026-01-01',
    ...over,
  });

  it('is an alternative basis for sharing, until it ends', async () => {
    expect((await permission(ids.emil, 'HEALTH', 'SOCIAL')).allowed).toBe(false);
    const { recordLegalBasis } = await stack.graph.request(family, RECORD_BASIS, { input: basisInput() });
    expect(recordLegalBasis).toMatchObject({
      code: 'SEL_49B',
      status: 'ACTIVE',
      validTo: null,
      recordedBy: family.userId,
      person: { id: ids.emil },
    });
    expect(await permission(ids.emil, 'HEALTH', 'SOCIAL')).toMatchObject({
      allowed: true,
      basis: [{ kind: 'LEGAL_BASIS', consent: null, legalBasis: { id: recordLegalBasis.id, code: 'SEL_49B' } }],
    });
    // A consent and a legal basis for the same question are both listed.
    const both = await permission(ids.emil, 'JOBCENTER', 'SOCIAL');
    expect(both.basis.map((b: { kind: string }) => b.kind)).toEqual(['CONSENT', 'LEGAL_BASIS']);

    const { endLegalBasis } = await stack.graph.request(family, END_BASIS, {
      input: { legalBasisId: recordLegalBasis.id, validTo: yesterday },
    });
    expect(endLegalBasis).toEqual({ id: recordLegalBasis.id, validTo: yesterday, status: 'ENDED' });
    expect((await permission(ids.emil, 'HEALTH', 'SOCIAL', yesterday)).allowed).toBe(true);
    expect((await permission(ids.emil, 'HEALTH', 'SOCIAL')).allowed).toBe(false);
    const { person } = await stack.graph.request(
      family,
      `query($id: ID!) { person(id: $id) { legalBases { id status } } }`,
      { id: ids.emil },
    );
    expect(person.legalBases).toEqual([{ id: recordLegalBasis.id, status: 'ENDED' }]);

    await expectRefused(END_BASIS, { legalBasisId: recordLegalBasis.id, validTo: today }, 'input.validTo');
    await expectRefused(END_BASIS, { legalBasisId: recordLegalBasis.id, validTo: '2025-12-31' }, 'input.validTo');
  });

  it('refuses bad legal bases with their field paths, and writes nothing', async () => {
    await expectRefused(RECORD_BASIS, basisInput({ code: 'sel 49b' }), 'input.code');
    await expectRefused(RECORD_BASIS, basisInput({ code: 'X' }), 'input.code');
    await expectRefused(RECORD_BASIS, basisInput({ citation: '' }), 'input.citation');
    await expectRefused(RECORD_BASIS, basisInput({ departments: [] }), 'input.departments');
    await expectRefused(RECORD_BASIS, basisInput({ categories: [] }), 'input.categories');
    await expectRefused(RECORD_BASIS, basisInput({ validTo: '2025-01-01' }), 'input.validTo');
    await expectRefused(RECORD_BASIS, basisInput({ departments: ['POLICE'] }), 'input.departments[0]');
  });
});

describe('tenancy', () => {
  it('another municipality cannot ask about or change our persons', async () => {
    const other = identity('FAMILY', { municipality: '101' });
    const res = await stack.post(other, PERMISSION, {
      personId: ids.mette,
      department: 'JOBCENTER',
      category: 'HEALTH',
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personId' });
    await expectRefused(
      GIVE,
      {
        personId: ids.mette,
        givenById: ids.mette,
        departments: ['JOBCENTER'],
        categories: ['HEALTH'],
        purpose: 'x',
        validFrom: '2026-01-01',
      },
      'input.personId',
      other,
    );
  });
});
