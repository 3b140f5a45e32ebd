import { economy, familyDept, startEconomyKit, type EconomyKit } from '../__tests__/economy-kit';

/**
 * The municipality view: a project's families' costs per month and department
 * against their baseline, and the STABILISED / INCREASED / REDUCED verdict
 * around the 5% threshold, through the gateway on real databases.
 */
let kit: EconomyKit;
let projectId: string;
let familyId: string;

const MANUAL = `mutation($input: RecordManualCostInput!) { recordManualCost(input: $input) { id } }`;
const DEVELOPMENT = `query($id: ID!, $month: YearMonth!) { project(id: $id) { costDevelopment(month: $month) {
  month familyCount total { ore } baseline { ore } trendPercent verdict byDepartment { department amount { ore } } } } }`;
const COSTS = `query($id: ID!, $from: YearMonth, $to: YearMonth) { project(id: $id) { costs(from: $from, to: $to) {
  from to total { ore } baseline { ore } trendPercent verdict thresholdPercent
  byDepartment { department amount { ore } } months { month familyCount total { ore } verdict } } } }`;

/** A manual caseworker-time cost of `ore` øre in a month. */
const spend = (month: string, ore: number, family = familyId) =>
  kit.stack.graph.request(economy, MANUAL, {
    input: {
      familyId: family,
      department: 'FAMILY',
      costType: 'CASEWORKER_TIME',
      month,
      quantity: 1,
      unit: 'HOUR',
      unitPriceOre: ore,
      note: 'Test',
    },
  });

beforeAll(async () => {
  kit = await startEconomyKit();
  const { createProject } = await kit.stack.graph.request(
    kit.lead,
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
    {
      input: {
        name: 'Helhed 2026',
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        projectLeadId: kit.caseworkers.lead,
        targetFamilyCount: 10,
      },
    },
  );
  projectId = createProject.id;
  familyId = (await kit.createFamily('PROJ-1', '2026-01-05')).id;
  const other = (await kit.createFamily('NOT-IN-PROJECT', '2026-01-05')).id;
  await kit.stack.graph.request(
    kit.lead,
    `mutation($input: EnrolFamilyInProjectInput!) { enrolFamilyInProject(input: $input) { id } }`,
    { input: { projectId, familyId, enrolledOn: '2026-01-05' } },
  );
  // Baseline: 1,200,000 øre over 2025 → 100,000 øre a month.
  await spend('2025-01', 600_000);
  await spend('2025-12', 600_000);
  // Right at and just beyond ± 5%.
  await spend('2026-06', 105_000);
  await spend('2026-07', 105_001);
  await spend('2026-08', 95_000);
  await spend('2026-09', 94_999);
  // A family outside the project does not count.
  await spend('2026-06', 1_000_000, other);
}, 120_000);

afterAll(async () => {
  await kit?.close();
});

describe("a project's cost development", () => {
  it('gives the verdict per month around the threshold (inclusive band)', async () => {
    const dev = async (month: string) =>
      (await kit.stack.graph.request(kit.lead, DEVELOPMENT, { id: projectId, month })).project.costDevelopment;
    expect(await dev('2026-06')).toEqual({
      month: '2026-06',
      familyCount: 1,
      total: { ore: 105_000 },
      baseline: { ore: 100_000 },
      trendPercent: 5,
      verdict: 'STABILISED',
      byDepartment: [{ department: 'FAMILY', amount: { ore: 105_000 } }],
    });
    expect(await dev('2026-07')).toMatchObject({ trendPercent: 5, verdict: 'INCREASED' });
    expect(await dev('2026-08')).toMatchObject({ trendPercent: -5, verdict: 'STABILISED' });
    expect(await dev('2026-09')).toMatchObject({ trendPercent: -5, verdict: 'REDUCED' });
    // No cost at all in a month: reduced by 100%.
    expect(await dev('2026-02')).toMatchObject({ total: { ore: 0 }, trendPercent: -100, verdict: 'REDUCED' });
    // Before the family was enrolled nothing is counted.
    expect(await dev('2025-12')).toMatchObject({ familyCount: 0, total: { ore: 0 }, verdict: null });
  });

  it('totals a range of months against the same family-months of baseline', async () => {
    const { costs } = (await kit.stack.graph.request(economy, COSTS, { id: projectId, from: '2026-06', to: '2026-09' }))
      .project;
    expect(costs).toMatchObject({
      from: '2026-06',
      to: '2026-09',
      total: { ore: 400_000 },
      baseline: { ore: 400_000 },
      trendPercent: 0,
      verdict: 'STABILISED',
      thresholdPercent: 5,
      byDepartment: [{ department: 'FAMILY', amount: { ore: 400_000 } }],
    });
    expect(costs.months.map((m: { verdict: string }) => m.verdict)).toEqual([
      'STABILISED',
      'INCREASED',
      'STABILISED',
      'REDUCED',
    ]);
  });

  it('is for the project lead, the economy department and administrators only', async () => {
    const res = await kit.stack.post(familyDept, DEVELOPMENT, { id: projectId, month: '2026-06' });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
