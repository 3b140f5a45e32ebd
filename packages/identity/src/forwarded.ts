import { SignJWT, jwtVerify } from 'jose';
import { UnauthenticatedError } from '@helhed/errors';
import { Identity, identityFromClaims } from './identity';

/** The header in which the gateway forwards the verified caller to subgraphs. */
export const IDENTITY_HEADER = 'x-helhed-identity';
/** The request id, set (or passed on) by the gateway and logged everywhere. */
export const REQUEST_ID_HEADER = 'x-request-id';
/** Why the caller reads (e.g. "Børnefaglig undersøgelse"): optional, written into the audit rows; the gateway passes it on. */
export const PURPOSE_HEADER = 'x-helhed-purpose';

/** The purpose header's value as the audit keeps it: trimmed, at most 200 characters, or null. */
export function purposeFrom(header: string | string[] | undefined): string | null {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  return value ? value.slice(0, 200) : null;
}

const ISSUER = 'helhed-gateway';
const AUDIENCE = 'helhed-subgraph';
/** Short: the header is made per request; it only has to outlive one query plan. */
const LIFETIME_SECONDS = 120;

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** Signs the identity the gateway verified, for the subgraphs (HS256 with a key only the platform has). */
export async function signForwardedIdentity(identity: Identity, secret: string): Promise<string> {
  return new SignJWT({
    municipality: identity.municipality,
    department: identity.department,
    roles: identity.roles,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(identity.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(keyOf(secret));
}

/**
 * Verifies the identity header a subgraph received. Anything else than a
 * valid, fresh signature from the gateway is refused: a subgraph port reached
 * directly gives nothing.
 */
export async function verifyForwardedIdentity(header: string | undefined, secret: string): Promise<Identity> {
  if (!header) throw new UnauthenticatedError();
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(header, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    }));
  } catch {
    throw new UnauthenticatedError('The forwarded identity is not signed by the Helhed gateway or has expired');
  }
  const identity = identityFromClaims(payload);
  if (typeof identity === 'string') throw new UnauthenticatedError(`The forwarded identity is not valid: ${identity}`);
  return identity;
}
