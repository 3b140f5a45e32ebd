import { loadSubgraphConfig, type Environment } from '@helhed/config';

export const loadEconomyConfig = (env: Environment = process.env) => loadSubgraphConfig('economy', 4004, {}, env);
export type EconomyConfig = ReturnType<typeof loadEconomyConfig>;
