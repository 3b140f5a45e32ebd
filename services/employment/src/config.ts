import { loadSubgraphConfig, type Environment } from '@helhed/config';

export const loadEmploymentConfig = (env: Environment = process.env) => loadSubgraphConfig('employment', 4002, {}, env);
export type EmploymentConfig = ReturnType<typeof loadEmploymentConfig>;
