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
  PORT: port(4002),
  DATABASE_URL: postgresUrl,
  IDENTITY_SIGNING_SECRET: secret('helhed-development-identity-signing-secret'),
});

export type EmploymentConfig = z.infer<typeof schema>;

export function loadEmploymentConfig(env: Environment = process.env): EmploymentConfig {
  requireInProduction('employment', env, ['DATABASE_URL', 'IDENTITY_SIGNING_SECRET']);
  return loadConfig('employment', schema, env);
}
