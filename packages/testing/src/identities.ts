import { signForwardedIdentity, type Department, type Identity, type Role } from '@helhed/identity';

/** Secrets used only by tests. */
export const TEST_SECRETS = {
  identity: 'test-identity-forwarding-secret-0123456789',
  jwt: 'test-caller-jwt-secret-0123456789abcdef',
  cprEncryptionKey: Buffer.alloc(32, 7).toString('base64'),
  cprHashKey: 'test-cpr-hash-key-0123456789abcdefghij',
};

export function identity(department: Department, overrides: Partial<Identity> = {}): Identity {
  return {
    userId: `test-${department.toLowerCase()}`,
    municipality: '630',
    department,
    roles: ['CASEWORKER'] as Role[],
    ...overrides,
  };
}

/** Headers a subgraph accepts, as if the gateway had sent the request. */
export async function gatewayHeaders(who: Identity, secret = TEST_SECRETS.identity): Promise<Record<string, string>> {
  return { 'x-helhed-identity': await signForwardedIdentity(who, secret) };
}
