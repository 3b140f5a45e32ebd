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
import { startHealthService, type RunningHealthService } from '../index';

/** The health part of the national view reads two statements per municipality, however many persons or months. */
const { logger: sqlLogger, statements } = sqlStatementLog();
const monitor = identity('HEALTH', { roles: ['NATIONAL_MONITOR'] });
const VIEW = `query($r: [_Any!]!) { _entities(representations: $r) { ... on NationalRegistrationView {
  healthParts { personId applies done }
  health { municipalities { municipality { code } withHealthAssessment { value shown } who5BelowFifty { value shown } }
    total { withHealthAssessment { value shown } indicatorMovement { indicator worsening { value } } } } } } }`;

let db: TestDatabase;
let service: RunningHealthService;
let family: FamilyStandIn;
const participants: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  db = await createTestDatabase('health_national');
  family = await startFamilyStandIn();
  service = await startHealthService({ ...testSubgraphConfig(db.url), FAMILY_SUBGRAPH_URL: family.url }, { sqlLogger });
});

afterAll(async () => {
  await service?.close();
  await family?.close();
  await db?.drop();
});

/** `n` persons in each of two municipalities: assessed, WHO-5 recorded for February (all 3s) and March (all 1s). */
async function grow(n: number) {
  for (const code of ['101', '630'])
    for (let i = 0; i < n; i += 1) {
      const personId = randomUUID();
      participants.push({ personId, municipalityCode: code, deadline: '2026-04-10' });
      await queryDatabase(
        db.url,
        `INSERT INTO health_assessment (person_id, municipality_code, assessed_on, assessed_by, summary_for_team)
         VALUES ($1, $2, '2026-02-01', 't', 'Vurderet')`,
        [personId, code],
      );
      for (const [month, item] of [
        ['2026-02', 3],
        ['2026-03', 1],
      ] as const)
        await queryDatabase(
          db.url,
          `INSERT INTO health_indicators (municipality_code, person_id, family_id, month, who5_items, self_rated_health,
             in_treatment, attending_as_planned, recorded_by, recorded_at, created_by)
           VALUES ($1, $2, $3, $4, $5, 3, false, false, 't', now(), 't')`,
          [code, personId, randomUUID(), month, [item, item, item, item, item]],
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
  expect(small.view.healthParts).toHaveLength(4);
  expect(small.view.health.total.withHealthAssessment).toEqual({ value: null, shown: '<5' });
  await grow(4);
  const large = await run();
  expect(large.view.healthParts.filter((p: { applies: boolean; done: boolean }) => p.applies && p.done)).toHaveLength(
    12,
  );
  expect(large.view.health.municipalities).toEqual([
    {
      municipality: { code: '101' },
      withHealthAssessment: { value: 6, shown: '6' },
      who5BelowFifty: { value: 6, shown: '6' },
    },
    {
      municipality: { code: '630' },
      withHealthAssessment: { value: 6, shown: '6' },
      who5BelowFifty: { value: 6, shown: '6' },
    },
  ]);
  expect(large.view.health.total.indicatorMovement).toEqual(
    expect.arrayContaining([{ indicator: 'WHO5_INDEX', worsening: { value: 12 } }]),
  );
  expect(large.statements).toBeLessThanOrEqual(small.statements);
});

it('answers a caller who is not a national monitor with FORBIDDEN', async () => {
  const res = await postPlannedFetch(
    service.url,
    VIEW,
    { r: [{ __typename: 'NationalRegistrationView', month: '2026-03', participants }] },
    identity('HEALTH', { roles: ['PROJECT_LEAD'] }),
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
