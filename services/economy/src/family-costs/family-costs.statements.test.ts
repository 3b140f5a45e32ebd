import { randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  gatewayHeaders,
  identity,
  postGraphQL,
  postPlannedFetch,
  sqlStatementLog,
  startFamilyStandIn,
  testSubgraphConfig,
  type FamilyStandIn,
  type TestDatabase,
} from '@helhed/testing';
import { startEconomyService, type RunningEconomyService } from '../service';

/**
 * `Family.costs` sends the same number of SQL statements however many members, activities and months.
 * The economy consultant reads a family's costs as a member of its team (the ECONOMY department no longer
 * reads every family's costs): the family stand-in answers `accessForCaller` with "on the team".
 */
const { logger: sqlLogger, statements } = sqlStatementLog();
const economy = identity('ECONOMY');

let db: TestDatabase;
let service: RunningEconomyService;
let familySubgraph: FamilyStandIn;

const COSTS = `query($r: [_Any!]!, $from: YearMonth, $to: YearMonth) { _entities(representations: $r) {
  ... on Family { costs(from: $from, to: $to) { total { ore } months { month total { ore } }
    baseline { total { ore } } entries { id amount { ore } price { id } } } } } }`;

/** A family as the gateway sends it to economy, with `n` members each on a benefit and in an activity. */
function family(n: number) {
  const members = Array.from({ length: n }, () => ({
    id: randomUUID(),
    benefitPeriods: [{ id: randomUUID(), type: 'KONTANTHJAELP', from: '2024-03-10', to: null }],
  }));
  return {
    __typename: 'Family',
    id: randomUUID(),
    enrolmentDate: '2025-01-06',
    closedOn: null,
    members,
    formerMembers: [],
    plans: [
      {
        activities: members.map((m) => ({
          id: randomUUID(),
          department: 'JOBCENTER',
          sectorPlanKind: 'JOBPLAN',
          status: 'ACTIVE',
          startsOn: '2025-02-14',
          endsOn: null,
          hoursPerWeek: 12.5,
          members: [{ id: m.id }],
        })),
      },
    ],
  };
}

async function count(representation: object, from: string, to: string) {
  statements.length = 0;
  const res = await postPlannedFetch(service.url, COSTS, { r: [representation], from, to }, economy);
  expect(res.errors).toBeUndefined();
  return { data: (res.data as any)._entities[0].costs, statements: statements.length };
}

beforeAll(async () => {
  db = await createTestDatabase('economy_costs');
  familySubgraph = await startFamilyStandIn();
  service = await startEconomyService(
    { ...testSubgraphConfig(db.url), COST_TREND_THRESHOLD_PERCENT: 5, FAMILY_SUBGRAPH_URL: familySubgraph.url },
    { sqlLogger },
  );
  for (const input of [
    { costType: 'KONTANTHJAELP', unit: 'MONTH', priceOre: 1_500_000, validFrom: '2020-01-01' },
    { costType: 'EMPLOYMENT_OFFER', unit: 'HOUR', priceOre: 25_000, validFrom: '2020-01-01' },
  ]) {
    const res = await postGraphQL(
      service.url,
      `mutation($input: AddPriceCatalogueEntryInput!) { addPriceCatalogueEntry(input: $input) { id } }`,
      { input },
      await gatewayHeaders(economy),
    );
    expect(res.errors).toBeUndefined();
  }
}, 60_000);

afterAll(async () => {
  await service?.close();
  await familySubgraph?.close();
  await db?.drop();
});

describe('Family.costs', () => {
  it('does not send more statements for more members, activities or months', async () => {
    const small = await count(family(1), '2025-01', '2025-01');
    expect(small.data.entries).toHaveLength(1);
    const six = family(6);
    const large = await count(six, '2025-01', '2026-12');
    expect(large.data.months).toHaveLength(24);
    expect(large.data.entries.length).toBeGreaterThan(200);
    expect(large.statements).toBeLessThanOrEqual(small.statements);
    // Reading the large family again writes nothing new and sends no more statements.
    const again = await count(six, '2025-01', '2026-12');
    expect(again.data).toEqual(large.data);
    expect(again.statements).toBeLessThanOrEqual(small.statements);
  });
});

describe('Family.costs on a list of families', () => {
  it('recomputes them together: no more statements for four families than for one', async () => {
    const counted = async (representations: object[]) => {
      statements.length = 0;
      const res = await postPlannedFetch(
        service.url,
        COSTS,
        { r: representations, from: '2025-01', to: '2025-12' },
        economy,
      );
      expect(res.errors).toBeUndefined();
      return { data: (res.data as any)._entities, statements: statements.length };
    };
    const one = await counted([family(2)]);
    const four = await counted([family(1), family(2), family(3), family(4)]);
    expect(four.data).toHaveLength(4);
    expect(four.data[3].costs.total.ore).toBeGreaterThan(four.data[0].costs.total.ore);
    expect(four.statements).toBeLessThanOrEqual(one.statements);
  });
});

describe('Project.costs', () => {
  const PROJECT = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Project { costs(from: "2025-01", to: "2026-06") { total { ore } verdict months { familyCount } } } } }`;
  const project = (n: number) => ({
    __typename: 'Project',
    id: randomUUID(),
    startsOn: '2025-01-01',
    families: {
      edges: Array.from({ length: n }, () => ({
        node: { enrolledOn: '2025-01-06', endedOn: null, family: family(3) },
      })),
    },
  });

  it('does not send more statements for more families', async () => {
    const counted = async (representation: object) => {
      statements.length = 0;
      const res = await postPlannedFetch(service.url, PROJECT, { r: [representation] }, identity('ECONOMY'));
      expect(res.errors).toBeUndefined();
      return { data: (res.data as any)._entities[0].costs, statements: statements.length };
    };
    const one = await counted(project(1));
    const five = await counted(project(5));
    expect(five.data.months[0].familyCount).toBe(5);
    expect(five.data.total.ore).toBeGreaterThan(one.data.total.ore);
    expect(five.statements).toBeLessThanOrEqual(one.statements);
  });
});
