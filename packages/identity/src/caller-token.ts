import { SignJWT, createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { UnauthenticatedError } from '@helhed/errors';
import { Identity, identityFromClaims } from './identity';

export interface CallerTokenSettings {
  issuer: string;
  audience: string;
  /** HS256 secret (development and tests). */
  secret?: string;
  /** JWKS URL of the municipality's identity provider (production). */
  jwksUrl?: string;
}

/** Builds the gateway's check of a caller's bearer token: signature, issuer, audience and expiry. */
export function createCallerTokenVerifier(settings: CallerTokenSettings): (token: string) => Promise<Identity> {
  let key: Uint8Array | JWTVerifyGetKey;
  let algorithms: string[];
  if (settings.jwksUrl) {
    key = createRemoteJWKSet(new URL(settings.jwksUrl));
    algorithms = ['RS256', 'PS256', 'ES256', 'EdDSA'];
  } else if (settings.secret) {
    key = new TextEncoder().encode(settings.secret);
    algorithms = ['HS256'];
  } else {
    throw new Error('A caller token verifier needs a JWKS URL or a secret');
  }
  return async (token) => {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw new UnauthenticatedError(`The bearer token was refused: ${reasonOf(error)}`);
    }
    const identity = identityFromClaims(payload);
    if (typeof identity === 'string') throw new UnauthenticatedError(`The bearer token was refused: ${identity}`);
    return identity;
  };
}

/** Mints an HS256 caller token: development tokens (`npm run token`) and tests. */
export async function mintCallerToken(
  identity: Identity,
  settings: { issuer: string; audience: string; secret: string; expiresIn?: string },
): Promise<string> {
  return new SignJWT({ municipality: identity.municipality, department: identity.department, roles: identity.roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(identity.userId)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(settings.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(settings.secret));
}

/** A reason a caller can act on, without echoing the token. */
function reasonOf(error: unknown): string {
  const { code, claim } = (error ?? {}) as { code?: string; claim?: string };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'it has expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return `its ${claim ?? 'claims'} claim is not accepted`;
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'its signature does not verify';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'its signing algorithm is not accepted';
    default:
      return 'it is not a valid token';
  }
}
