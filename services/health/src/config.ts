import {
  commonSettings,
  loadConfig,
  port,
  postgresUrl,
  requireInProduction,
  secret,
  type Environment,
  z,
} from '@helhed/config';

const schema = z.object({
  ...commonSettings,
  PORT: port(4003),
  DATABASE_URL: postgresUrl,
  IDENTITY_SIGNING_SECRET: secret('helhed-development-identity-signing-secret'),
});

export type HealthConfig = z.infer<typeof schema>;

export function loadHealthConfig(env: Environment = process.env): HealthConfig {
  requireInProduction('health', env, ['DATABASE_URL', 'IDENTITY_SIGNING_SECRET']);
  return loadConfig('health', schema, env);
}
