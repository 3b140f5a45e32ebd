import { loadSubgraphConfig, z, type Environment } from '@helhed/config';

/** The economy subgraph's settings; COST_TREND_THRESHOLD_PERCENT is the ± band of a STABILISED verdict. */
export const loadEconomyConfig = (env: Environment = process.env) =>
  loadSubgraphConfig(
    'economy',
    4004,
    { COST_TREND_THRESHOLD_PERCENT: z.coerce.number().min(0).max(100).default(5) },
    env,
  );
export type EconomyConfig = ReturnType<typeof loadEconomyConfig>;
