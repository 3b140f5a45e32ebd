import { economy, startEconomyKit, type EconomyKit } from '../__tests__/economy-kit';

/**
 * The cost development in the monthly status report: the report's `project`
 * is the economy subgraph's `Project` entity too, so one query gives the
 * family subgraph's report and the economy figures of the same month.
 */
let kit: EconomyKit;
let projectId: string;

const spend = (familyId: string, month: string, ore: number) =>
  kit.stack.graph.request(
    economy,
    `mutation($input: RecordManualCostInput!) { recordManualCost(input: $input) { id } }`,
    {
      input: {
        familyId,
        department: 'FAMILY',
        costType: 'CASEWORKER_TIME',
        month,
        quantity: 1,
        unit: 'HOUR',
        unitPriceOre: ore,
        note: 'Test',
      },
    },
  );

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
  // Five families: a project's totals from 5 families on identify none of them, so the project lead reads
  // them (below 5 they are the families' own economy data, which the project lead no longer reads).
  const familyIds: string[] = [];
  for (let i = 1; i <= 5; i += 1) familyIds.push((await kit.createFamily(`REPORT-${i}`, '2026-01-05')).id);
  for (const familyId of familyIds)
    await kit.stack.graph.request(
      kit.lead,
      `mutation($input: EnrolFamilyInProjectInput!) { enrolFamilyInProject(input: $input) { id } }`,
      { input: { projectId, familyId, enrolledOn: '2026-01-05' } },
    );
  const familyId = familyIds[0]!;
  // Baseline 100,000 øre a month (1,200,000 over 2025); June 2026 costs 120,000 øre; the other four cost nothing.
  await spend(familyId, '2025-03', 1_200_000);
  await spend(familyId, '2026-06', 120_000);
}, 120_000);

afterAll(async () => {
  await kit?.close();
});

it("answers a status report with the economy subgraph's cost development of the same month in one query", async () => {
  const { monthlyStatusReport } = await kit.stack.graph.request(
    kit.lead,
    `query($p: ID!) { monthlyStatusReport(projectId: $p, month: "2026-06") {
      month deadline project { name costDevelopment(month: "2026-06") {
        month familyCount total { ore } baseline { ore } trendPercent verdict byDepartment { department amount { ore } } } } } }`,
    { p: projectId },
  );
  expect(monthlyStatusReport).toEqual({
    month: '2026-06',
    deadline: '2026-07-07',
    project: {
      name: 'Helhed 2026',
      costDevelopment: {
        month: '2026-06',
        familyCount: 5,
        total: { ore: 120_000 },
        baseline: { ore: 100_000 },
        trendPercent: 20,
        verdict: 'INCREASED',
        byDepartment: [{ department: 'FAMILY', amount: { ore: 120_000 } }],
      },
    },
  });
});
