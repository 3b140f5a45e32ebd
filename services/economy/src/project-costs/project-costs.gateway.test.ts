import { randomUUID } from 'node:crypto';
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

/*
 * The project has one family, so its totals are that family's economy data: the economy consultant on the
 * family's team reads them. The project lead no longer does (the ECONOMY of their project's families is the
 * families' teams'); they read a project's totals from 5 families on (policy.gateway.test.ts,
 * status-report-costs.gateway.test.ts).
 */
describe("a project's cost development", () => {
  it('gives the verdict per month around the threshold (inclusive band)', async () => {
    const dev = async (month: string) =>
      (await kit.stack.graph.request(economy, DEVELOPMENT, { id: projectId, month })).project.costDevelopment;
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

  it("is refused to the project lead while it identifies the project's one family", async () => {
    const res = await kit.stack.post(kit.lead, DEVELOPMENT, { id: projectId, month: '2026-06' });
    expect(res.data.project.costDevelopment).toBeNull();
    expect(res.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([
      ['FORBIDDEN', 'project.costDevelopment'],
    ]);
  });
});

describe("a project's grant", () => {
  const SET = `mutation($input: SetProjectGrantInput!) { setProjectGrant(input: $input) { id amount { ore } } }`;
  const SPEND = `mutation($input: RecordGrantSpendingInput!) { recordGrantSpending(input: $input) { id kind month amount { ore } } }`;
  const GRANT = `query($id: ID!) { project(id: $id) { grant {
    amount { ore } startsOn endsOn spent { ore } remaining { ore }
    lines { kind budget { ore } spent { ore } remaining { ore } spending { month amount { ore } note } }
    spendingByMonth { month spent { ore } } } } }`;
  const grant = {
    amountOre: 200_000_000,
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    lines: [
      { kind: 'PROJECT_LEAD', amountOre: 80_000_000 },
      { kind: 'DEDICATED_CASEWORKER_TIME', amountOre: 100_000_000 },
      { kind: 'PROCESS_SUPPORT', amountOre: 20_000_000 },
    ],
  };

  it('keeps the budget lines, the spending per month and what remains per line', async () => {
    await kit.stack.graph.request(kit.lead, SET, { input: { projectId, ...grant } });
    const spend = (kind: string, month: string, amountOre: number, note?: string) =>
      kit.stack.graph.request(economy, SPEND, { input: { projectId, kind, month, amountOre, note } });
    await spend('PROJECT_LEAD', '2026-01', 3_000_000, 'Januar');
    await spend('PROJECT_LEAD', '2026-02', 3_000_000);
    await spend('DEDICATED_CASEWORKER_TIME', '2026-02', 8_000_000);
    await spend('PROCESS_SUPPORT', '2027-12', 21_000_000, 'Slutevaluering');
    const { grant: g } = (await kit.stack.graph.request(kit.lead, GRANT, { id: projectId })).project;
    expect(g).toMatchObject({
      amount: { ore: 200_000_000 },
      spent: { ore: 35_000_000 },
      remaining: { ore: 165_000_000 },
      spendingByMonth: [
        { month: '2026-01', spent: { ore: 3_000_000 } },
        { month: '2026-02', spent: { ore: 11_000_000 } },
        { month: '2027-12', spent: { ore: 21_000_000 } },
      ],
    });
    expect(g.lines.map((l: any) => [l.kind, l.budget.ore, l.spent.ore, l.remaining.ore])).toEqual([
      ['PROJECT_LEAD', 80_000_000, 6_000_000, 74_000_000],
      ['DEDICATED_CASEWORKER_TIME', 100_000_000, 8_000_000, 92_000_000],
      // Overspent: recorded, shown as a negative remainder.
      ['PROCESS_SUPPORT', 20_000_000, 21_000_000, -1_000_000],
    ]);
    expect(g.lines[0].spending[0]).toEqual({ month: '2026-01', amount: { ore: 3_000_000 }, note: 'Januar' });
  });

  it('refuses spending outside the grant period or on a line not budgeted, and bad grants; nothing written', async () => {
    const spending = { projectId, kind: 'PROJECT_LEAD', month: '2028-01', amountOre: 1 };
    await kit.refused(SPEND, { input: spending }, 'input.month');
    await kit.refused(SPEND, { input: { ...spending, month: '2025-12' } }, 'input.month');
    await kit.refused(
      SPEND,
      { input: { ...spending, month: '2026-03', kind: 'COMPETENCE_DEVELOPMENT' } },
      'input.kind',
    );
    await kit.refused(SPEND, { input: { ...spending, month: '2026-03', amountOre: -1 } }, 'input.amountOre');
    const set = { projectId, ...grant };
    await kit.refused(SET, { input: { ...set, amountOre: 100_000_000 } }, 'input.lines');
    await kit.refused(SET, { input: { ...set, endsOn: '2027-06-30' } }, 'input.endsOn');
    await kit.refused(SET, { input: { ...set, startsOn: '2026-02-01' } }, 'input.startsOn');
    await kit.refused(SET, { input: { ...set, lines: grant.lines.slice(0, 2) } }, 'input.lines');
    await kit.refused(SET, { input: { ...set, projectId: randomUUID() } }, 'input.projectId');
    const res = await kit.stack.post(familyDept, SPEND, { input: { ...spending, month: '2026-03' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('an investment case against the live ledger', () => {
  it('scales the forecast to the family-months observed and sets the observed saving beside it', async () => {
    await kit.price({ costType: 'CASEWORKER_TIME', unit: 'HOUR', priceOre: 100_000, validFrom: '2024-01-01' });
    // One participant, certain success, 12 caseworker hours a year less: 1,200,000 øre a year.
    const { createInvestmentCase } = await kit.stack.graph.request(
      kit.lead,
      `mutation($input: CreateInvestmentCaseInput!) { createInvestmentCase(input: $input) { id project { id } } }`,
      {
        input: {
          name: 'Mindre sagsbehandlertid',
          projectId,
          participants: 1,
          horizonYears: 1,
          startsOn: '2025-07-01',
          startUpCostOre: 0,
          runningCostPerYearOre: 0,
          outcomes: [
            {
              name: 'Færre møder',
              successRateWithEffort: 1,
              successRateWithoutEffort: 0,
              consequences: [{ costType: 'CASEWORKER_TIME', yearlyQuantityChange: -12 }],
            },
          ],
        },
      },
    );
    expect(createInvestmentCase.project).toEqual({ id: projectId });
    // The one family's totals: read by the economy consultant on its team (see the cost development above).
    const { project } = await kit.stack.graph.request(
      economy,
      `query($id: ID!, $caseId: ID!) { project(id: $id) { investmentComparison(caseId: $caseId) {
        year firstMonth lastMonth familyMonths forecastSaving { ore } observedSaving { ore } } } }`,
      { id: projectId, caseId: createInvestmentCase.id },
    );
    // Year 1 is 2025-07..2026-06; the family counts from January: 6 family-months.
    expect(project.investmentComparison).toEqual([
      {
        year: 1,
        firstMonth: '2025-07',
        lastMonth: '2026-06',
        familyMonths: 6,
        forecastSaving: { ore: 600_000 },
        // 6 × 100,000 baseline − 105,000 spent in June.
        observedSaving: { ore: 495_000 },
      },
    ]);
  });
});
