import {
  ConfigError,
  DEV_IDENTITY_SIGNING_SECRET,
  commonSettings,
  isProduction,
  httpUrl,
  loadConfig,
  port,
  requireInProduction,
  secret,
  z,
  type Environment,
} from '@helhed/config';
import { SUPERGRAPH_PATH } from './subgraphs';

const schema = z.object({
  ...commonSettings,
  PORT: port(4000),
  /** Caller tokens: issuer and audience every token must carry. */
  JWT_ISSUER: z.string().default('helhed-dev'),
  JWT_AUDIENCE: z.string().default('helhed'),
  /** HS256 secret for caller tokens (development, tests, `npm run token`). */
  JWT_SECRET: secret('helhed-development-jwt-secret-change-me'),
  /** JWKS of the municipality's identity provider; when set, tokens are verified against it instead. */
  JWKS_URL: httpUrl.optional(),
  IDENTITY_SIGNING_SECRET: secret(DEV_IDENTITY_SIGNING_SECRET),
  SUPERGRAPH_PATH: z.string().default(SUPERGRAPH_PATH),
  /** Where each subgraph is reached; the supergraph's URLs (localhost:4001-4005) when unset. */
  FAMILY_URL: httpUrl.optional(),
  EMPLOYMENT_URL: httpUrl.optional(),
  HEALTH_URL: httpUrl.optional(),
  ECONOMY_URL: httpUrl.optional(),
  NOTIFICATIONS_URL: httpUrl.optional(),
  /** Largest accepted query depth (a guard against abusive nesting). */
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
});

export type GatewayConfig = z.infer<typeof schema>;

export function loadGatewayConfig(env: Environment = process.env): GatewayConfig {
  requireInProduction('gateway', env, ['IDENTITY_SIGNING_SECRET', 'JWT_ISSUER', 'JWT_AUDIENCE']);
  if (isProduction(env) && !env.JWKS_URL && !env.JWT_SECRET) {
    throw new ConfigError('gateway', ['JWKS_URL (or, for a closed trial, JWT_SECRET) is required in production']);
  }
  return loadConfig('gateway', schema, env);
}
