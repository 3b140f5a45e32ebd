import { httpUrl, loadSubgraphConfig, z, type Environment } from '@helhed/config';

const employmentSettings = {
  /** The family subgraph, asked (with the caller's identity) whether persons and plan activities exist. */
  FAMILY_SUBGRAPH_URL: httpUrl.default('http://localhost:4001/graphql'),
  /** "Kept" an offer: no gap longer than this many weeks without attendance before the planned end. */
  OFFER_KEPT_MAX_GAP_WEEKS: z.coerce.number().int().min(1).max(52).default(4),
};

export const loadEmploymentConfig = (env: Environment = process.env) =>
  loadSubgraphConfig('employment', 4002, employmentSettings, env);
export type EmploymentConfig = ReturnType<typeof loadEmploymentConfig>;
