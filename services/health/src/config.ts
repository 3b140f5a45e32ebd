import { loadSubgraphConfig, type Environment } from '@helhed/config';

export const loadHealthConfig = (env: Environment = process.env) => loadSubgraphConfig('health', 4003, {}, env);
export type HealthConfig = ReturnType<typeof loadHealthConfig>;
