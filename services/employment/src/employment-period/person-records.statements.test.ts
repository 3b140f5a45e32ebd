import { randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  gatewayHeaders,
  identity,
  postGraphQL,
  queryDatabase,
  sqlStatementLog,
  testSubgraphConfig,
  type TestDatabase,
  startFamilyStandIn,
  type FamilyStandIn,
} from '@helhed/testing';
import { startEmploymentService, type EmploymentConfig, type RunningEmploymentService } from '../index';

/** Persons' jobcenter lists (and companies' placements) are read with one statement per kind, however many rows. */
const { logger: sqlLogger, statements } = sqlStatementLog();
const PERSONS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person {
  id benefitPeriods { type } targetGroups { targetGroup } targetGroup(on: "2026-02-01") { targetGroup }
  employmentPeriods { kind employer { name } } employment(on: "2026-02-01") { kind }
  educationEnrolments { level } leisureJobs { held employer { name } } } } }`;
const COMPANIES = `query { companies { nodes { name partnershipAgreements { kind }
  placements { __typename ... on EmploymentPeriod { kind } ... on LeisureJob { startedOn } } } } }`;

let db: TestDatabase;
let service: RunningEmploymentService;
let family: FamilyStandIn;

beforeAll(async () => {
  db = await createTestDatabase('employment');
  // The family subgraph's team and consent answer is stood in for (rows are written straight to the tables).
  family = await startFamilyStandIn();
  // Nothing here asks the family subgraph: rows are written straight to the tables.
  const config = {
    ...testSubgraphConfig(db.url),
    FAMILY_SUBGRAPH_URL: family.url,
    OFFER_KEPT_MAX_GAP_WEEKS: 4,
  };
  service = await startEmploymentService(config as EmploymentConfig, { sqlLogger });
});

afterAll(async () => {
  await service?.close();
  await family?.close();
  await db?.drop();
});

const insert = (sql: string, params: unknown[]) => queryDatabase(db.url, sql, params);

/** A company with an agreement, and `n` persons each with a record of every kind there. */
async function seed(n: number, cvr: string): Promise<string[]> {
  const [company] = await insert(
    `INSERT INTO company (municipality_code, cvr, name, created_by) VALUES ('630', $1, $2, 't') RETURNING id`,
    [cvr, `Firma ${cvr}`],
  );
  const companyId = company!.id;
  await insert(
    `INSERT INTO partnership_agreement (municipality_code, company_id, kind, from_date, created_by)
     VALUES ('630', $1, 'LEISURE_JOBS', '2026-01-01', 't')`,
    [companyId],
  );
  const personIds: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const personId = randomUUID();
    const familyId = randomUUID();
    personIds.push(personId);
    const p = [personId, familyId];
    await insert(
      `INSERT INTO benefit_period (person_id, family_id, municipality_code, type, from_date, recorded_by)
       VALUES ($1, $2, '630', 'KONTANTHJAELP', '2026-01-01', 't')`,
      p,
    );
    await insert(
      `INSERT INTO target_group_assignment (municipality_code, person_id, family_id, target_group, from_date, created_by)
       VALUES ('630', $1, $2, 'JOBPARAT', '2026-01-01', 't')`,
      p,
    );
    await insert(
      `INSERT INTO employment_period (municipality_code, person_id, family_id, kind, hours_per_week, company_id, from_date, created_by)
       VALUES ('630', $1, $2, 'FLEX_JOB', 12, $3, '2026-01-01', 't')`,
      [...p, companyId],
    );
    await insert(
      `INSERT INTO education_enrolment (municipality_code, person_id, family_id, level, institution, started_on, created_by)
       VALUES ('630', $1, $2, 'HIGHER', 'SDU', '2026-01-01', 't')`,
      p,
    );
    await insert(
      `INSERT INTO leisure_job (municipality_code, person_id, family_id, company_id, hours_per_week, started_on, created_by)
       VALUES ('630', $1, $2, $3, 5, '2026-01-01', 't')`,
      [...p, companyId],
    );
  }
  return personIds;
}

const TABLES = [
  'benefit_period',
  'target_group_assignment',
  'employment_period',
  'education_enrolment',
  'leisure_job',
  'company',
  'partnership_agreement',
  'offer_participation',
];
const countsPerTable = () =>
  Object.fromEntries(TABLES.map((t) => [t, statements.filter((s) => new RegExp(`"${t}"`).test(s)).length]));

async function read(query: string, variables: Record<string, unknown>) {
  statements.length = 0;
  const res = await postGraphQL(service.url, query, variables, await gatewayHeaders(identity('JOBCENTER')));
  expect(res.errors).toBeUndefined();
  return { data: res.data, counts: countsPerTable() };
}

describe('statement counts', () => {
  it('reads the lists of 2 or 6 persons with the same statements, one per kind', async () => {
    const few = await seed(2, '12345674');
    const many = await seed(6, '29876541');
    const asked = (ids: string[]) => ({ r: ids.map((id) => ({ __typename: 'Person', id })) });
    const small = await read(PERSONS, asked(few));
    const large = await read(PERSONS, asked(many));
    expect(large.data?._entities).toHaveLength(6);
    expect(large.data?._entities[5]).toMatchObject({
      benefitPeriods: [{ type: 'KONTANTHJAELP' }],
      targetGroup: { targetGroup: 'JOBPARAT' },
      employment: { kind: 'FLEX_JOB' },
      employmentPeriods: [{ employer: { name: 'Firma 29876541' } }],
      educationEnrolments: [{ level: 'HIGHER' }],
      leisureJobs: [{ employer: { name: 'Firma 29876541' } }],
    });
    expect(large.counts).toEqual(small.counts);
    expect(large.counts).toMatchObject({
      benefit_period: 1,
      target_group_assignment: 1,
      employment_period: 1,
      education_enrolment: 1,
      leisure_job: 1,
      company: 1,
    });
  });

  it("reads companies' agreements and placements with one statement per kind", async () => {
    const { data, counts } = await read(COMPANIES, {});
    expect(data?.companies.nodes.length).toBeGreaterThanOrEqual(2);
    expect(data?.companies.nodes[0].placements.length).toBeGreaterThan(0);
    expect(counts).toMatchObject({
      company: 1,
      partnership_agreement: 1,
      employment_period: 1,
      leisure_job: 1,
      offer_participation: 1,
    });
  });
});
