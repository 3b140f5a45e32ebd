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

export const DEV_CPR_ENCRYPTION_KEY = Buffer.from('helhed-development-only-cpr-key!').toString('base64');

const schema = z.object({
  ...commonSettings,
  PORT: port(4001),
  DATABASE_URL: postgresUrl,
  IDENTITY_SIGNING_SECRET: secret('helhed-development-identity-signing-secret'),
  CPR_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .default(DEV_CPR_ENCRYPTION_KEY),
  CPR_HASH_KEY: secret('helhed-development-only-cpr-hash-key'),
});

export type FamilyConfig = z.infer<typeof schema>;

export function loadFamilyConfig(env: Environment = process.env): FamilyConfig {
  requireInProduction('family', env, ['DATABASE_URL', 'IDENTITY_SIGNING_SECRET', 'CPR_ENCRYPTION_KEY', 'CPR_HASH_KEY']);
  return loadConfig('family', schema, env);
}
