import { httpUrl, loadSubgraphConfig, z, type Environment } from '@helhed/config';

/**
 * The economy subgraph's settings: COST_TREND_THRESHOLD_PERCENT is the ± band of
 * a STABILISED verdict; FAMILY_SUBGRAPH_URL is asked whether a family or person
 * of a manual cost exists.
 */
export const loadEconomyConfig = (env: Environment = process.env) =>
  loadSubgraphConfig(
    'economy',
    4004,
    {
      COST_TREND_THRESHOLD_PERCENT: z.coerce.number().min(0).max(100).default(5),
      FAMILY_SUBGRAPH_URL: httpUrl.default('http://localhost:4001/graphql'),
    },
    env,
  );
export type EconomyConfig = ReturnType<typeof loadEconomyConfig>;
