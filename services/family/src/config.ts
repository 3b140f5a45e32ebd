import { loadSubgraphConfig, secret, z, type Environment } from '@helhed/config';

/** Development only: production must set its own keys. */
export const DEV_CPR_ENCRYPTION_KEY = Buffer.from('helhed-development-only-cpr-key!').toString('base64');

const cprSettings = {
  /** AES-256-GCM key for CPR numbers at rest: 32 bytes, base64. */
  CPR_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .default(DEV_CPR_ENCRYPTION_KEY),
  /** HMAC key of the CPR lookup hash. */
  CPR_HASH_KEY: secret('helhed-development-only-cpr-hash-key'),
};

const consentSettings = {
  /** From this age a young person consents for themselves; below it only a custody holder does. */
  CONSENT_OWN_AGE: z.coerce.number().int().min(0).max(18).default(15),
};

export const loadFamilyConfig = (env: Environment = process.env) =>
  loadSubgraphConfig('family', 4001, { ...cprSettings, ...consentSettings }, env, [
    'CPR_ENCRYPTION_KEY',
    'CPR_HASH_KEY',
  ]);
export type FamilyConfig = ReturnType<typeof loadFamilyConfig>;
