import { httpUrl, loadSubgraphConfig, type Environment } from '@helhed/config';

const healthSettings = {
  /** The family subgraph, asked (with the caller's identity) whether persons and plan activities exist. */
  FAMILY_SUBGRAPH_URL: httpUrl.default('http://localhost:4001/graphql'),
};

export const loadHealthConfig = (env: Environment = process.env) =>
  loadSubgraphConfig('health', 4003, healthSettings, env);
export type HealthConfig = ReturnType<typeof loadHealthConfig>;
