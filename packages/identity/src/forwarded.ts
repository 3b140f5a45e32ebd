import { createHmac, timingSafeEqual } from 'node:crypto';
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

/**
 * The header in which the gateway signs one fetch of its query plan. Some
 * fields exist only to hand data from one subgraph to another through the
 * gateway (`@inaccessible` inputs of a `@requires`, e.g. the person ids behind
 * the evaluators' dataset and the national view): the caller's identity alone
 * does not entitle anyone to them, so the subgraph answers them only to a
 * fetch the gateway itself planned. A signed identity header on its own —
 * replayed, or sent with another query or other variables — does not open them.
 */
export const PLANNED_FETCH_HEADER = 'x-helhed-planned-fetch';

/** One subgraph fetch as it goes over the wire: its query text and variables. */
export interface SubgraphFetch {
  query: string;
  variables?: Record<string, unknown> | null | undefined;
}

/**
 * HMAC-SHA256 over the forwarded identity (so the signature lives no longer
 * than it, 120 s, and only for that caller), the query and the variables as
 * JSON (the gateway serialises the body with `JSON.stringify`, and a subgraph
 * re-serialising the parsed body gets the same text).
 */
function fetchSignature(forwardedIdentity: string, fetch: SubgraphFetch, secret: string): Buffer {
  return createHmac('sha256', secret)
    .update('helhed-planned-fetch\0')
    .update(forwardedIdentity)
    .update('\0')
    .update(fetch.query)
    .update('\0')
    .update(JSON.stringify(fetch.variables ?? {}))
    .digest();
}

/** The gateway's signature of one fetch of its query plan, for `PLANNED_FETCH_HEADER`. */
export function signPlannedFetch(forwardedIdentity: string, fetch: SubgraphFetch, secret: string): string {
  return fetchSignature(forwardedIdentity, fetch, secret).toString('base64url');
}

/**
 * Whether a subgraph's request is a fetch the gateway planned: the header signs
 * this very identity header, query and variables. The identity header itself is
 * verified separately (`verifyForwardedIdentity`).
 */
export function isPlannedFetch(
  header: string | undefined,
  forwardedIdentity: string,
  fetch: SubgraphFetch,
  secret: string,
): boolean {
  if (!header) return false;
  const given = Buffer.from(header, 'base64url');
  const expected = fetchSignature(forwardedIdentity, fetch, secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
