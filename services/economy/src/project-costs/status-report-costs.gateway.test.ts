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
  // Five families: the project lead reads a project's totals from the COST_BASIS facts only where they identify no
  // family (project-costs/project-subjects.ts); with fewer, every member's ECONOMY, which since the team rule
  // (issue 9) is the family's team's only, not the project lead's.
  const familyIds: string[] = [];
  for (const n of [1, 2, 3, 4, 5]) familyIds.push((await kit.createFamily(`REPORT-${n}`, '2026-01-05', 1, 0)).id);
  for (const id of familyIds) {
    await kit.stack.graph.request(
      kit.lead,
      `mutation($input: EnrolFamilyInProjectInput!) { enrolFamilyInProject(input: $input) { id } }`,
      { input: { projectId, familyId: id, enrolledOn: '2026-01-05' } },
    );
  }
  const familyId = familyIds[0]!;
  // Baseline 100,000 øre a month (1,200,000 over 2025); June 2026 costs 120,000 øre.
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
