import {
  createTestDatabase,
  gatewayHeaders,
  identity,
  postGraphQL,
  sqlStatementLog,
  TEST_SECRETS,
  testSubgraphConfig,
  type TestDatabase,
} from '@helhed/testing';
import type { Identity } from '@helhed/identity';
import { startFamilyService, type RunningFamilyService } from '../index';

/** The reminder worker's read of a month does not send more SQL statements when there are more families or members. */
const { logger: sqlLogger, statements } = sqlStatementLog();

let db: TestDatabase;
let service: RunningFamilyService;
const admin = identity('FAMILY', { roles: ['ADMIN'] });
const worker = identity('FAMILY', { userId: 'reminder-worker', roles: ['SERVICE'] });
let caseworker: Identity;
let caseworkerId: string;
let families = 0;

const as = async (who: Identity, query: string, variables: Record<string, unknown> = {}) => {
  const res = await postGraphQL(service.url, query, variables, await gatewayHeaders(who));
  expect(res.errors).toBeUndefined();
  return res.data!;
};

/** Adds `n` ACTIVE families of a parent and two children, on the caseworker's team, each registered for 2026-03. */
async function grow(n: number) {
  for (let i = 0; i < n; i += 1) {
    families += 1;
    const cpr = (serial: number) => `${serial}${String(families).padStart(3, '0')}`;
    const { createFamily } = await as(
      caseworker,
      `mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id members { id role } } }`,
      {
        input: {
          caseReference: `ST-${families}`,
          enrolmentDate: '2026-01-05',
          members: [
            { cpr: cpr(1001801), firstName: 'P', lastName: 'S', role: 'PARENT' },
            { cpr: cpr(1001154), firstName: 'C', lastName: 'S', role: 'CHILD' },
            { cpr: cpr(1001184), firstName: 'D', lastName: 'S', role: 'CHILD' },
          ],
        },
      },
    );
    const familyId = createFamily.id;
    await as(caseworker, `mutation($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { id } }`, {
      input: { familyId, caseworkerId, from: '2026-01-05' },
    });
    await as(caseworker, `mutation($input: SetContactPersonInput!) { setContactPerson(input: $input) { id } }`, {
      input: { familyId, caseworkerId, from: '2026-01-05' },
    });
    const parent = createFamily.members.find((m: { role: string }) => m.role === 'PARENT').id;
    await as(
      caseworker,
      `mutation($input: RegisterFamilyPartInput!) { registerFamilyPart(input: $input) { personId } }`,
      {
        input: {
          familyId,
          personId: parent,
          month: '2026-03',
          vum: ['FUNCTIONS_AND_SOCIAL_PROBLEMS', 'PRACTICAL_TASKS_AT_HOME', 'SELF_CARE', 'MOBILITY']
            .map((theme) => ({
              theme,
              score: 2,
            }))
            .concat(['WORK_HOUSING_EDUCATION_ECONOMY', 'NETWORK', 'HEALTH'].map((theme) => ({ theme, score: 3 }))),
        },
      },
    );
  }
}

const MONTHS = `query { registrationMonths(month: "2026-03") {
  personId month familyId caseReference memberRole memberNumber ageAtEndOfMonth deadline
  familyPart { department applies done registeredAt onTime }
  missingParts { department responsible { id name email department } }
  complete contactPerson { id name email department } projectLead { id name email department } } }`;

const count = async (who: Identity, query: string) => {
  statements.length = 0;
  const data = await as(who, query);
  return { data, statements: statements.length };
};

beforeAll(async () => {
  db = await createTestDatabase('family_registration');
  service = await startFamilyService(
    {
      ...testSubgraphConfig(db.url),
      CPR_ENCRYPTION_KEY: TEST_SECRETS.cprEncryptionKey,
      CPR_HASH_KEY: TEST_SECRETS.cprHashKey,
    },
    { sqlLogger },
  );
  await as(admin, `mutation { registerMunicipality(input: { code: "630", name: "Vejle" }) { code } }`);
  const { registerCaseworker } = await as(
    admin,
    `mutation { registerCaseworker(input: { name: "Anna", email: "anna@vejle.dk", department: FAMILY }) { id } }`,
  );
  caseworkerId = registerCaseworker.id;
  caseworker = identity('FAMILY', { userId: caseworkerId });
});

afterAll(async () => {
  await service?.close();
  await db?.drop();
});

it('reads every member of every active family for a month in a fixed number of statements', async () => {
  await grow(1);
  const small = await count(worker, MONTHS);
  expect(small.data.registrationMonths).toHaveLength(3);
  await grow(4);
  const large = await count(worker, MONTHS);
  expect(large.data.registrationMonths).toHaveLength(15);
  expect(large.data.registrationMonths.filter((m: { complete: boolean }) => m.complete)).toHaveLength(5);
  expect(large.statements).toBeLessThanOrEqual(small.statements);
  // The caseworker's own families: the team is read in one more statement.
  const mine = await count(caseworker, MONTHS);
  expect(mine.data.registrationMonths).toHaveLength(15);
  expect(mine.statements).toBeLessThanOrEqual(large.statements + 1);
});

it('resolves person-months for the gateway (_entities with the other parts) in a fixed number of statements', async () => {
  const { registrationMonths } = await as(worker, `query { registrationMonths(month: "2026-03") { personId } }`);
  const reps = (n: number) =>
    registrationMonths.slice(0, n).map((m: { personId: string }) => ({
      __typename: 'PersonMonth',
      personId: m.personId,
      month: '2026-03',
      jobcenterPart: { applies: true, done: false },
      healthPart: { applies: false, done: false },
    }));
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on PersonMonth {
    personId complete missingParts { department responsible { name } } familyPart { done } deadline } } }`;
  const run = async (n: number) => {
    statements.length = 0;
    const data = await as(worker, ENTITIES, { r: reps(n) });
    return { n: data._entities.length, statements: statements.length, first: data._entities[0] };
  };
  const small = await run(2);
  const large = await run(15);
  expect(large.n).toBe(15);
  expect(large.first.missingParts.map((p: { department: string }) => p.department)).toContain('JOBCENTER');
  expect(large.statements).toBeLessThanOrEqual(small.statements);
});

it("reads a family's progress grid in a fixed number of statements, however many months", async () => {
  const { registrationMonths } = await as(worker, `query { registrationMonths(month: "2026-03") { familyId } }`);
  const familyId = registrationMonths[0].familyId;
  const GRID = (to: string) => `query($id: ID!) { family(id: $id) { progressGrid(from: "2026-01", to: "${to}") {
    months members { person { id role } months { month familyPart { done onTime } familyIndicators { indicator value } } } } } }`;
  const run = async (to: string) => {
    statements.length = 0;
    const data = await as(caseworker, GRID(to), { id: familyId });
    return { months: data.family.progressGrid.months.length, statements: statements.length };
  };
  const small = await run('2026-02');
  const large = await run('2026-12');
  expect(large.months).toBe(12);
  expect(large.statements).toBeLessThanOrEqual(small.statements);
});

it("reads a project's monthly status report in a fixed number of statements, however many families", async () => {
  const lead = identity('FAMILY', { userId: caseworkerId, roles: ['PROJECT_LEAD'] });
  const { createProject } = await as(
    lead,
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
    {
      input: {
        name: 'P',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        projectLeadId: caseworkerId,
        targetFamilyCount: 20,
      },
    },
  );
  const { registrationMonths } = await as(worker, `query { registrationMonths(month: "2026-03") { familyId } }`);
  const familyIds = [...new Set(registrationMonths.map((m: { familyId: string }) => m.familyId))] as string[];
  const enrol = (familyId: string) =>
    as(lead, `mutation($input: EnrolFamilyInProjectInput!) { enrolFamilyInProject(input: $input) { id } }`, {
      input: { projectId: createProject.id, familyId, enrolledOn: '2026-02-01' },
    });
  const REPORT = `query($p: ID!) { monthlyStatusReport(projectId: $p, month: "2026-03") { deadline
    enrolment { enrolled active newThisMonth } participants { personId memberRole ageAtEndOfMonth deadline }
    registration { personMonths complete parts { department applying done onTime } }
    indicatorMovement { indicator improving unchanged worsening } milestonesDue { title } risksOpen { description } } }`;
  const run = async () => {
    statements.length = 0;
    const data = await as(lead, REPORT, { p: createProject.id });
    return { personMonths: data.monthlyStatusReport.registration.personMonths, statements: statements.length };
  };
  await enrol(familyIds[0]!);
  const small = await run();
  expect(small.personMonths).toBe(3);
  for (const id of familyIds.slice(1)) await enrol(id);
  const large = await run();
  expect(large.personMonths).toBe(15);
  expect(large.statements).toBeLessThanOrEqual(small.statements);
});

it('reads the national view in a fixed number of statements, however many families, members or months', async () => {
  const monitor = identity('FAMILY', { roles: ['NATIONAL_MONITOR'] });
  const VIEW = `query { nationalRegistrationView(month: "2026-03") {
    municipalities { municipality { code } families { shown } personMonths { shown } complete { shown }
      completePercent parts { department applying { shown } done { shown } onTime { shown } }
      enrolment { enrolled { shown } active { shown } closed { shown } }
      indicatorMovement { indicator improving { shown } unchanged { shown } worsening { shown } }
      milestonesDue { shown } risksOpen { shown } }
    total { personMonths { value } complete { value } indicatorMovement { indicator improving { value } } } } }`;
  const run = async () => {
    statements.length = 0;
    const data = await as(monitor, VIEW);
    return { view: data.nationalRegistrationView, statements: statements.length };
  };
  const small = await run();
  expect(small.view.total.personMonths.value).toBe(15);
  await grow(2);
  const large = await run();
  expect(large.view.total.personMonths.value).toBe(21);
  expect(large.statements).toBeLessThanOrEqual(small.statements);
});
