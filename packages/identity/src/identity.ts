/** The four departments that work together on a family (and own their data). */
export const DEPARTMENTS = ['FAMILY', 'JOBCENTER', 'HEALTH', 'ECONOMY'] as const;
export type Department = (typeof DEPARTMENTS)[number];

/**
 * Roles a caller can hold. SERVICE is a machine identity (the reminder worker);
 * NATIONAL_MONITOR sees aggregates only and never a person. DATA_PROTECTION is a
 * municipality's data-protection officer: reads persons' access logs (`accessLog`), no case data.
 */
export const ROLES = ['CASEWORKER', 'PROJECT_LEAD', 'NATIONAL_MONITOR', 'ADMIN', 'SERVICE', 'DATA_PROTECTION'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: verified by the gateway, forwarded signed to the subgraphs. */
export interface Identity {
  /** The caller's user id (the caseworker id for caseworkers). */
  userId: string;
  /** Three-digit municipality code, e.g. "630" for Vejle. */
  municipality: string;
  department: Department;
  roles: Role[];
}

export const MUNICIPALITY_CODE = /^\d{3}$/;

export const isDepartment = (v: unknown): v is Department =>
  typeof v === 'string' && (DEPARTMENTS as readonly string[]).includes(v);
export const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

/** Reads an identity out of untrusted claims; returns a reason when they do not describe one. */
export function identityFromClaims(claims: Record<string, unknown>): Identity | string {
  const { sub, municipality, department, roles } = claims;
  if (typeof sub !== 'string' || sub.length === 0) return 'the token has no subject (sub)';
  if (typeof municipality !== 'string' || !MUNICIPALITY_CODE.test(municipality))
    return 'the token has no three-digit municipality claim';
  if (!isDepartment(department)) return `the token's department must be one of ${DEPARTMENTS.join(', ')}`;
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole))
    return `the token's roles must be a non-empty list of ${ROLES.join(', ')}`;
  return { userId: sub, municipality, department, roles: [...new Set(roles)] };
}
