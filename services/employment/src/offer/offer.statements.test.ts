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

/** Plan activities' offers and attendance are read with a fixed number of statements, however many there are. */
const { logger: sqlLogger, statements } = sqlStatementLog();
const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on PlanActivity {
  id offerParticipations { kind attendancePercent kept monthlyAttendance { month } attendance { isoWeek } }
  attendance { attendancePercent kept } } } }`;

let db: TestDatabase;
let service: RunningEmploymentService;
let family: FamilyStandIn;

beforeAll(async () => {
  db = await createTestDatabase('employment');
  // The family subgraph's team and consent answer is stood in for (rows are written straight to the tables).
  family = await startFamilyStandIn();
  // The whole config (the shared `testSubgraphConfig` has no employment settings).
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

async function activityWithOffers(participations: number): Promise<string> {
  const activityId = randomUUID();
  for (let i = 0; i < participations; i += 1) {
    const [p] = await queryDatabase(
      db.url,
      `INSERT INTO offer_participation (municipality_code, person_id, family_id, plan_activity_id, kind,
         planned_start_on, planned_end_on, planned_hours_per_week, created_by)
       VALUES ('630', $1, $2, $3, 'MENTOR', '2026-03-02', '2026-05-24', 10, 'test') RETURNING id, person_id, family_id`,
      [randomUUID(), randomUUID(), activityId],
    );
    for (const [week, monday] of [
      ['2026-W10', '2026-03-02'],
      ['2026-W11', '2026-03-09'],
    ]) {
      await queryDatabase(
        db.url,
        `INSERT INTO offer_attendance_week (municipality_code, participation_id, person_id, family_id, iso_week,
           week_starts_on, planned_hours, attended_hours, created_by, updated_by)
         VALUES ('630', $1, $2, $3, $4, $5, 10, 8, 'test', 'test')`,
        [p!.id, p!.person_id, p!.family_id, week, monday],
      );
    }
  }
  return activityId;
}

it('reads one or many activities with the same number of statements', async () => {
  const one = [await activityWithOffers(1)];
  const many = [await activityWithOffers(3), await activityWithOffers(2), await activityWithOffers(0)];
  const count = async (ids: string[]) => {
    statements.length = 0;
    const res = await postGraphQL(
      service.url,
      QUERY,
      { r: ids.map((id) => ({ __typename: 'PlanActivity', id })) },
      await gatewayHeaders(identity('FAMILY')),
    );
    expect(res.errors).toBeUndefined();
    return { res, n: statements.filter((s) => /offer_/.test(s)).length };
  };
  const small = await count(one);
  const large = await count(many);
  expect(
    large.res.data?._entities.map((a: { offerParticipations: unknown[] }) => a.offerParticipations.length),
  ).toEqual([3, 2, 0]);
  expect(large.res.data?._entities[0].attendance).toEqual({ attendancePercent: 80, kept: false });
  expect(small.n).toBe(2);
  expect(large.n).toBe(small.n);
});
