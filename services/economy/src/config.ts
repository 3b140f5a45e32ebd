import {
  commonSettings,
  loadConfig,
  port,
  postgresUrl,
  requireInProduction,
  secret,
  z,
  type Environment,
} from '@helhed/config';

const schema = z.object({
  ...commonSettings,
  PORT: port(4004),
  DATABASE_URL: postgresUrl,
  IDENTITY_SIGNING_SECRET: secret('helhed-development-identity-signing-secret'),
});

export type EconomyConfig = z.infer<typeof schema>;

export function loadEconomyConfig(env: Environment = process.env): EconomyConfig {
  requireInProduction('economy', env, ['DATABASE_URL', 'IDENTITY_SIGNING_SECRET']);
  return loadConfig('economy', schema, env);
}
