import { useClock } from '@helhed/testing';
import { demoCaseworker, loadDemoData } from './demo-data';
import { loadEconomyDemo } from './demo-economy';
import { startTestStack, type TestStack } from './test-stack';

/** The economy's demo data: example prices, an investment case, the project's grant; loading it again adds nothing. */
let stack: TestStack;
// The demo data is written for a day in December 2026 (teams from 1 November, follow-ups due since): the clock
// is pinned there, so the file passes whatever day it runs.
useClock('2026-12-07T10:00:00+01:00');

beforeAll(async () => {
  stack = await startTestStack();
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

describe('economy demo data', () => {
  it('loads once, is idempotent, and gives the demo project costs, a grant and a business case', async () => {
    await loadDemoData(stack.graph);
    expect(await loadEconomyDemo(stack.graph)).toEqual({ prices: 8, investmentCases: 1, grants: 1 });
    expect(await loadEconomyDemo(stack.graph)).toEqual({ prices: 0, investmentCases: 0, grants: 0 });
    const economy = await demoCaseworker(stack.graph, 'ECONOMY');
    const { priceCatalogue } = await stack.graph.request(economy, `{ priceCatalogue { costType isExample } }`);
    expect(priceCatalogue).toContainEqual({ costType: 'FAMILY_TREATMENT', isExample: true });
    const { investmentCases } = await stack.graph.request(
      economy,
      `{ investmentCases { project { name } result { total { breakEvenYear } } } }`,
    );
    expect(investmentCases[0].project.name).toBe('Helhedsindsats Vejle 2026-2028');
    const { projects } = await stack.graph.request(
      economy,
      `{ projects { edges { node { grant { remaining { ore } } costs(from: "2026-01", to: "2026-06") { total { ore } months { familyCount } } } } } }`,
    );
    const project = projects.edges[0].node;
    expect(project.grant.remaining.ore).toBe(600_000_000 - 6 * 5_000_000 - 4 * 8_300_000 - 4_500_000);
    expect(project.costs.total.ore).toBeGreaterThan(0);
  });
});
