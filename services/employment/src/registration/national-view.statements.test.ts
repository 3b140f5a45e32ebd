import { randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  gatewayHeaders,
  identity,
  postGraphQL,
  postPlannedFetch,
  queryDatabase,
  sqlStatementLog,
  startFamilyStandIn,
  testSubgraphConfig,
  type FamilyStandIn,
  type TestDatabase,
} from '@helhed/testing';
import { startEmploymentService, type EmploymentConfig, type RunningEmploymentService } from '../index';

/** The jobcenter's part of the national view reads one statement per municipality, however many persons or months. */
const { logger: sqlLogger, statements } = sqlStatementLog();
const monitor = identity('JOBCENTER', { roles: ['NATIONAL_MONITOR'] });
const VIEW = `query($r: [_Any!]!) { _entities(representations: $r) { ... on NationalRegistrationView {
  jobcenterParts { personId applies done }
  employment { municipalities { municipality { code } adultsInWorkFully { value shown } averageHoursWorked
    indicatorMovement { indicator improving { value shown } } }
    total { adultsInWorkFully { value shown } averageHoursWorked indicatorMovement { indicator improving { value } } } } } } }`;

let db: TestDatabase;
let service: RunningEmploymentService;
let family: FamilyStandIn;
const participants: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  db = await createTestDatabase('employment_national');
  family = await startFamilyStandIn();
  service = await startEmploymentService(
    { ...testSubgraphConfig(db.url), FAMILY_SUBGRAPH_URL: family.url } as EmploymentConfig,
    { sqlLogger },
  );
});

afterAll(async () => {
  await service?.close();
  await family?.close();
  await db?.drop();
});

/** `n` parents in each of two municipalities, each confirmed for February (not in work) and March (in work fully, 37 h). */
async function grow(n: number) {
  for (const code of ['101', '630'])
    for (let i = 0; i < n; i += 1) {
      const personId = randomUUID();
      participants.push({
        personId,
        municipalityCode: code,
        memberRole: 'PARENT',
        ageAtEndOfMonth: 40,
        deadline: '2026-04-10',
      });
      for (const [month, inWork, hours] of [
        ['2026-02', 'NONE', 0],
        ['2026-03', 'FULLY', 37],
      ] as const)
        await queryDatabase(
          db.url,
          `INSERT INTO employment_registration_confirmation
             (municipality_code, person_id, family_id, month, derived, corrections, confirmed_by, confirmed_at, created_by)
           VALUES ($1, $2, $3, $4, $5, '{}', 't', now(), 't')`,
          [
            code,
            personId,
            randomUUID(),
            month,
            JSON.stringify({
              inWork,
              hoursWorkedPerWeek: hours,
              startedEducationThisMonth: false,
              inCompanyBasedOffer: false,
              keptOffer: null,
              offerHoursPerWeek: 0,
              attendancePercent: null,
              leisureJobHeld: null,
            }),
          ],
        );
    }
}

const run = async () => {
  statements.length = 0;
  const res = await postPlannedFetch(
    service.url,
    VIEW,
    { r: [{ __typename: 'NationalRegistrationView', month: '2026-03', participants }] },
    monitor,
  );
  expect(res.errors).toBeUndefined();
  return { view: (res.data as any)._entities[0], statements: statements.length };
};

it('counts every participant of every municipality in a fixed number of statements', async () => {
  await grow(2);
  const small = await run();
  expect(small.view.jobcenterParts).toHaveLength(4);
  expect(small.view.employment.total.adultsInWorkFully).toEqual({ value: null, shown: '<5' });
  await grow(4);
  const large = await run();
  expect(large.view.jobcenterParts.filter((p: { done: boolean }) => p.done)).toHaveLength(12);
  expect(large.view.employment.municipalities).toEqual([
    expect.objectContaining({
      municipality: { code: '101' },
      adultsInWorkFully: { value: 6, shown: '6' },
      averageHoursWorked: 37,
    }),
    expect.objectContaining({
      municipality: { code: '630' },
      adultsInWorkFully: { value: 6, shown: '6' },
      averageHoursWorked: 37,
    }),
  ]);
  expect(large.view.employment.total).toMatchObject({ adultsInWorkFully: { value: 12 }, averageHoursWorked: 37 });
  expect(large.view.employment.total.indicatorMovement).toEqual(
    expect.arrayContaining([{ indicator: 'IN_WORK', improving: { value: 12 } }]),
  );
  expect(large.statements).toBeLessThanOrEqual(small.statements);
});

it('answers a caller who is not a national monitor with FORBIDDEN', async () => {
  const res = await postPlannedFetch(
    service.url,
    VIEW,
    { r: [{ __typename: 'NationalRegistrationView', month: '2026-03', participants }] },
    identity('JOBCENTER', { roles: ['PROJECT_LEAD'] }),
  );
  expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

it("answers the national monitor's signed identity sent straight here, not in a fetch the gateway planned, with FORBIDDEN", async () => {
  const res = await postGraphQL(
    service.url,
    VIEW,
    { r: [{ __typename: 'NationalRegistrationView', month: '2026-03', participants }] },
    await gatewayHeaders(monitor),
  );
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  expect(res.data?._entities).toEqual([null]);
});
