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

const redisUrl = z.string().refine((v) => /^rediss?:\/\//.test(v), 'must be a redis:// or rediss:// URL');

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
  /** Most aliased fields in one operation (fragments counted where spread). */
  MAX_QUERY_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
  /** Most lexical tokens in one document; longer documents are not even parsed. */
  MAX_QUERY_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(5000),
  /** Largest estimated cost of an operation (see `operationCost` in gateway/src/limits.ts). */
  MAX_QUERY_COST: z.coerce.number().int().min(1).default(20_000),
  /** The size a list without a `first`/`last`/`limit` argument is assumed to have in the cost estimate. */
  DEFAULT_LIST_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  /** Largest accepted request body in bytes; larger bodies get HTTP 413. */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(100 * 1024),
  /** Requests per caller (user id and municipality) per minute; 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  /** Redis for the rate limit's counts, shared by all gateway replicas; without it (outside production) counted in memory. */
  REDIS_URL: redisUrl.optional(),
});

export type GatewayConfig = z.infer<typeof schema>;

export function loadGatewayConfig(env: Environment = process.env): GatewayConfig {
  requireInProduction('gateway', env, ['IDENTITY_SIGNING_SECRET', 'JWT_ISSUER', 'JWT_AUDIENCE', 'REDIS_URL']);
  if (isProduction(env) && !env.JWKS_URL && !env.JWT_SECRET) {
    throw new ConfigError('gateway', ['JWKS_URL (or, for a closed trial, JWT_SECRET) is required in production']);
  }
  return loadConfig('gateway', schema, env);
}
