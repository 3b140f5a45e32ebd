import { gatewayHeaders, identity, postGraphQL, queryDatabase } from '@helhed/testing';
import { startTestStack, type TestStack } from './test-stack';

/**
 * The walking skeleton end to end: the gateway in front of the four subgraphs,
 * each on its own real PostgreSQL database, called over HTTP with caller tokens.
 */
let stack: TestStack;
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const family = identity('FAMILY');
const jobcenter = identity('JOBCENTER');
let health = identity('HEALTH');
/** The jobcenter caseworker on the family's team (`jobcenter` is not on it). */
let teamJobcenter = identity('JOBCENTER');
const economy = identity('ECONOMY');

const CREATE_FAMILY = `mutation($input: CreateFamilyInput!) {
  createFamily(input: $input) { id caseReference status members { id firstName role cprMasked birthDate sex } }
}`;
const RECORD_BENEFIT = `mutation($input: RecordBenefitPeriodInput!) { recordBenefitPeriod(input: $input) { id type from to } }`;

const count = async (db: keyof TestStack['databases'], table: string) =>
  Number((await queryDatabase(stack.databases[db].url, `SELECT count(*) AS n FROM ${table}`))[0]!.n);

let parentId: string;
let familyId: string;

beforeAll(async () => {
  stack = await startTestStack();
  await stack.graph.request(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  const { createFamily } = await stack.graph.request(family, CREATE_FAMILY, {
    input: {
      caseReference: 'VEJ-T-1',
      enrolmentDate: '2026-03-01',
      members: [
        { cpr: '120588-1234', firstName: 'Mette', lastName: 'Jensen', role: 'PARENT' },
        { cpr: '0303124567', firstName: 'Emil', lastName: 'Jensen', role: 'CHILD' },
      ],
    },
  });
  familyId = createFamily.id;
  parentId = createFamily.members.find((m: { role: string }) => m.role === 'PARENT').id;
  // The team rule: the health and jobcenter callers of the overview are on the family's team, and the
  // parent's consent lets HEALTH see her EMPLOYMENT data.
  for (const [name, department] of [
    ['Jens', 'JOBCENTER'],
    ['Hanne', 'HEALTH'],
  ] as const) {
    const { registerCaseworker } = await stack.graph.request(
      admin,
      `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
      { input: { name, email: `${name.toLowerCase()}@example.dk`, department } },
    );
    await stack.graph.request(
      family,
      `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`,
      { input: { familyId, caseworkerId: registerCaseworker.id, from: '2026-03-01' } },
    );
    if (department === 'HEALTH') health = identity('HEALTH', { userId: registerCaseworker.id });
    else teamJobcenter = identity('JOBCENTER', { userId: registerCaseworker.id });
  }
  await stack.graph.request(family, `mutation($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`, {
    input: {
      personId: parentId,
      givenById: parentId,
      departments: ['HEALTH'],
      categories: ['EMPLOYMENT', 'ECONOMY'],
      purpose: 'Samlet plan',
      validFrom: '2026-03-01',
    },
  });
});

afterAll(async () => {
  await stack?.close();
});

describe('one family through the gateway', () => {
  it('creates a family with members, CPR shown masked with birth date and sex derived', async () => {
    const { family: read } = await stack.graph.request(
      family,
      `query($id: ID!) { family(id: $id) {
      caseReference status enrolmentDate municipality { code name } members { firstName cprMasked birthDate sex role } } }`,
      { id: familyId },
    );
    expect(read).toEqual({
      caseReference: 'VEJ-T-1',
      status: 'ACTIVE',
      enrolmentDate: '2026-03-01',
      municipality: { code: '630', name: 'Vejle' },
      members: [
        { firstName: 'Mette', cprMasked: '120588-XXXX', birthDate: '1988-05-12', sex: 'FEMALE', role: 'PARENT' },
        { firstName: 'Emil', cprMasked: '030312-XXXX', birthDate: '2012-03-03', sex: 'MALE', role: 'CHILD' },
      ],
    });
    const rows = await queryDatabase(stack.databases.family.url, 'SELECT cpr_encrypted, cpr_hash FROM person');
    for (const row of rows) expect(String(row.cpr_encrypted)).not.toContain('1205881234');
  });

  it('finds the family by a member CPR through the keyed hash', async () => {
    const { familiesByMemberCpr } = await stack.graph.request(
      family,
      `{ familiesByMemberCpr(cpr: "0303124567") { id } }`,
    );
    expect(familiesByMemberCpr).toEqual([{ id: familyId }]);
  });

  it('answers one query with fields from all four subgraphs', async () => {
    await stack.graph.request(teamJobcenter, RECORD_BENEFIT, {
      input: { personId: parentId, type: 'KONTANTHJAELP', from: '2026-11-16' },
    });
    await stack.graph.request(
      health,
      `mutation($input: RecordHealthAssessmentInput!) { recordHealthAssessment(input: $input) { id } }`,
      { input: { personId: parentId, assessedOn: '2026-04-10', summaryForTeam: 'Prefers meetings after 10:00.' } },
    );
    await stack.graph.request(
      economy,
      `mutation { addPriceCatalogueEntry(input: { costType: "KONTANTHJAELP", unit: MONTH, priceOre: 1500000, validFrom: "2026-01-01" }) { id } }`,
    );

    const { person: mette } = await stack.graph.request(
      health,
      `query($id: ID!) { person(id: $id) { firstName
        benefitPeriods { type from to }
        healthAssessments { assessedOn summaryForTeam }
        monthlyBenefitCost(month: "2026-11") { total { ore dkk } unpricedDays } } }`,
      { id: parentId },
    );
    expect(mette).toEqual({
      firstName: 'Mette', // family
      benefitPeriods: [{ type: 'KONTANTHJAELP', from: '2026-11-16', to: null }], // employment, on Mette's consent
      healthAssessments: [{ assessedOn: '2026-04-10', summaryForTeam: 'Prefers meetings after 10:00.' }], // health
      // economy (on Mette's consent), from the employment periods via @requires: 15 of 30 days at 15,000 DKK
      monthlyBenefitCost: { total: { ore: 750000, dkk: '7500.00' }, unpricedDays: 0 },
    });
    // Emil's employment data is covered by no consent: FORBIDDEN at its path, the rest still answers.
    const res = await stack.post(
      health,
      `query($id: ID!) { family(id: $id) { members { firstName employmentPeriods { kind } } } }`,
      { id: familyId },
    );
    expect(res.data?.family.members).toEqual([
      { firstName: 'Mette', employmentPeriods: [] },
      { firstName: 'Emil', employmentPeriods: null },
    ]);
    expect(res.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
      ['family.members.1.employmentPeriods', 'FORBIDDEN'],
    ]);
  });

  it('keeps health details from another department off the team, with the path of the refused field', async () => {
    const res = await stack.post(
      jobcenter,
      // Off the team the family subgraph shows no basic data (firstName would be refused too); the person's id answers.
      `query($id: ID!) { person(id: $id) { id healthAssessments { assessedOn summaryForTeam } } }`,
      {
        id: parentId,
      },
    );
    expect(res.errors?.[0]).toMatchObject({
      path: ['person', 'healthAssessments'],
      extensions: { code: 'FORBIDDEN' },
    });
    // Off the team not even that an assessment exists (DESIGN); the rest of the query still answers.
    expect(res.data?.person).toEqual({ id: parentId, healthAssessments: null });
    expect(JSON.stringify(res.data)).not.toContain('10:00');
  });
});

describe('bad input is refused with a code and a field path, and writes nothing', () => {
  it('a bad CPR number', async () => {
    const before = await count('family', 'person');
    const res = await stack.post(family, CREATE_FAMILY, {
      input: {
        caseReference: 'VEJ-T-2',
        members: [{ cpr: '3102901234', firstName: 'A', lastName: 'B', role: 'PARENT' }],
      },
    });
    expect(res.errors?.[0]).toMatchObject({
      path: ['createFamily'],
      extensions: { code: 'BAD_USER_INPUT', field: 'input.members[0].cpr' },
    });
    expect(res.errors?.[0]?.message).toMatch(/not a real date/);
    expect(await count('family', 'person')).toBe(before);
    expect(await count('family', 'family')).toBe(1);
  });

  it('an end date before the start date', async () => {
    const before = await count('employment', 'benefit_period');
    const res = await stack.post(jobcenter, RECORD_BENEFIT, {
      input: { personId: parentId, type: 'KONTANTHJAELP', from: '2026-05-01', to: '2026-04-30' },
    });
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.to' } });
    expect(await count('employment', 'benefit_period')).toBe(before);
  });

  it('an unknown enum value', async () => {
    const before = await count('employment', 'benefit_period');
    const res = await stack.post(jobcenter, RECORD_BENEFIT, {
      input: { personId: parentId, type: 'LOTTERY_WIN', from: '2026-05-01' },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.type' });
    expect(res.errors?.[0]?.message).toMatch(/LOTTERY_WIN/);
    expect(await count('employment', 'benefit_period')).toBe(before);
  });
});

describe('identity', () => {
  it('the gateway answers 401 to a request without a token', async () => {
    const res = await stack.post(null, `{ families { edges { node { id } } } }`);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('the gateway refuses a token signed with another key', async () => {
    const res = await postGraphQL(
      stack.gatewayUrl,
      `{ families { edges { node { id } } } }`,
      {},
      { authorization: 'Bearer not.a.token' },
    );
    expect(res.status).toBe(401);
  });

  it('a subgraph called directly, without the gateway signature, refuses and gives nothing', async () => {
    const direct = await postGraphQL(
      stack.subgraphs.family.url,
      `{ families { edges { node { id caseReference } } } }`,
    );
    expect(direct.status).toBe(401);
    expect(direct.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(direct.data ?? null).toBeNull();
    const forged = await postGraphQL(
      stack.subgraphs.family.url,
      `{ families { edges { node { id } } } }`,
      {},
      await gatewayHeaders(family, 'a-guessed-secret-that-is-not-the-real-one'),
    );
    expect(forged.status).toBe(401);
  });

  it('another municipality sees none of our families', async () => {
    const other = identity('FAMILY', { municipality: '101' });
    const { families, family: byId } = await stack.graph.request(
      other,
      `query($id: ID!) { families { edges { node { id } } } family(id: $id) { id } }`,
      {
        id: familyId,
      },
    );
    expect(families.edges).toEqual([]);
    expect(byId).toBeNull();
  });
});
