import type { Identity } from '@helhed/identity';
import type { GraphClient } from './graph-client';

/**
 * The economy office's demo data for municipality 630 (Vejle): the rest of an
 * example price catalogue (social measures, employment offers, treatment,
 * caseworker time — EXAMPLE prices, not official rates, marked `isExample`),
 * an investment case for the demo project and the project's grant with some
 * spending. Loading it twice changes nothing.
 */
const economy: Identity = { userId: 'seed-economy', municipality: '630', department: 'ECONOMY', roles: ['CASEWORKER'] };
const admin: Identity = { userId: 'seed-family', municipality: '630', department: 'FAMILY', roles: ['ADMIN'] };
const PROJECT = 'Helhedsindsats Vejle 2026-2028';
const CASE = 'Helhedsindsats Vejle: business case (example)';

/** Example prices, not official rates. */
const EXAMPLE_PRICES = [
  { costType: 'FAMILY_TREATMENT', unit: 'HOUR', priceOre: 95_000 },
  { costType: 'RELIEF_CARE', unit: 'DAY', priceOre: 180_000 },
  { costType: 'OUT_OF_HOME_PLACEMENT', unit: 'DAY', priceOre: 320_000 },
  { costType: 'CONTACT_PERSON', unit: 'HOUR', priceOre: 45_000 },
  { costType: 'EMPLOYMENT_OFFER', unit: 'HOUR', priceOre: 22_000, municipalityShareBasisPoints: 5_000 },
  { costType: 'EMPLOYMENT_PROGRAMME', unit: 'WEEK', priceOre: 350_000, municipalityShareBasisPoints: 5_000 },
  // Treatment is the region's; the municipality co-finances a tenth (kommunal medfinansiering).
  {
    costType: 'HEALTH_TREATMENT',
    unit: 'SESSION',
    priceOre: 120_000,
    payer: 'REGION',
    municipalityShareBasisPoints: 1_000,
  },
  { costType: 'CASEWORKER_TIME', unit: 'HOUR', priceOre: 55_000 },
].map((p) => ({ validFrom: '2024-01-01', isExample: true, ...p }));

const GRANT_LINES = [
  { kind: 'PROJECT_LEAD', amountOre: 180_000_000 },
  { kind: 'DEDICATED_CASEWORKER_TIME', amountOre: 300_000_000 },
  { kind: 'COMPETENCE_DEVELOPMENT', amountOre: 60_000_000 },
  { kind: 'PROCESS_SUPPORT', amountOre: 60_000_000 },
];

export interface EconomyDemoSummary {
  prices: number;
  investmentCases: number;
  grants: number;
}

export async function loadEconomyDemo(graph: GraphClient): Promise<EconomyDemoSummary> {
  const summary: EconomyDemoSummary = { prices: 0, investmentCases: 0, grants: 0 };
  const { priceCatalogue } = await graph.request<{ priceCatalogue: Array<{ costType: string }> }>(
    economy,
    `{ priceCatalogue { costType } }`,
  );
  const priced = new Set(priceCatalogue.map((p) => p.costType));
  for (const input of EXAMPLE_PRICES.filter((p) => !priced.has(p.costType))) {
    await graph.request(
      economy,
      `mutation($input: AddPriceCatalogueEntryInput!) { addPriceCatalogueEntry(input: $input) { id } }`,
      { input },
    );
    summary.prices += 1;
  }

  const { projects } = await graph.request<{ projects: { edges: Array<{ node: { id: string; name: string } }> } }>(
    admin,
    `{ projects(first: 100) { edges { node { id name } } } }`,
  );
  const projectId = projects.edges.find((e) => e.node.name === PROJECT)?.node.id ?? null;

  const { investmentCases } = await graph.request<{ investmentCases: Array<{ name: string }> }>(
    economy,
    `{ investmentCases { name } }`,
  );
  if (!investmentCases.some((c) => c.name === CASE)) {
    await graph.request(
      economy,
      `mutation($input: CreateInvestmentCaseInput!) { createInvestmentCase(input: $input) { id } }`,
      {
        input: {
          name: CASE,
          projectId,
          participants: 40,
          horizonYears: 5,
          startsOn: '2026-01-01',
          discountRateBasisPoints: 400,
          startUpCostOre: 50_000_000,
          runningCostPerYearOre: 120_000_000,
          outcomes: [
            {
              name: 'A parent in work',
              successRateWithEffort: 0.3,
              successRateWithoutEffort: 0.12,
              consequences: [{ costType: 'KONTANTHJAELP', yearlyQuantityChange: -9 }],
            },
            {
              name: 'A placement avoided',
              successRateWithEffort: 0.1,
              successRateWithoutEffort: 0.03,
              consequences: [{ costType: 'OUT_OF_HOME_PLACEMENT', yearlyQuantityChange: -120 }],
            },
            {
              name: 'Fewer treatment sessions',
              successRateWithEffort: 0.4,
              successRateWithoutEffort: 0.2,
              consequences: [{ costType: 'HEALTH_TREATMENT', yearlyQuantityChange: -4 }],
            },
          ],
        },
      },
    );
    summary.investmentCases = 1;
  }

  if (projectId) {
    const { project } = await graph.request<{ project: { grant: { id: string } | null } }>(
      economy,
      `query($id: ID!) { project(id: $id) { grant { id } } }`,
      { id: projectId },
    );
    if (!project.grant) {
      await graph.request(
        economy,
        `mutation($input: SetProjectGrantInput!) { setProjectGrant(input: $input) { id } }`,
        {
          input: {
            projectId,
            amountOre: 600_000_000,
            startsOn: '2026-01-01',
            endsOn: '2028-12-31',
            lines: GRANT_LINES,
          },
        },
      );
      const spending = [
        ...['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((month) => ({
          kind: 'PROJECT_LEAD',
          month,
          amountOre: 5_000_000,
        })),
        ...['2026-03', '2026-04', '2026-05', '2026-06'].map((month) => ({
          kind: 'DEDICATED_CASEWORKER_TIME',
          month,
          amountOre: 8_300_000,
        })),
        { kind: 'COMPETENCE_DEVELOPMENT', month: '2026-02', amountOre: 4_500_000, note: 'Kursus i fælles familieplan' },
      ];
      for (const s of spending) {
        await graph.request(
          economy,
          `mutation($input: RecordGrantSpendingInput!) { recordGrantSpending(input: $input) { id } }`,
          { input: { projectId, ...s } },
        );
      }
      summary.grants = 1;
    }
  }
  return summary;
}
