import { ForbiddenError, UnauthenticatedError } from '@helhed/errors';
import { Department, Identity } from './identity';

/** The categories of a person's data the sharing rules speak of. */
export const DATA_CATEGORIES = ['BASIC', 'SOCIAL', 'EMPLOYMENT', 'HEALTH', 'ECONOMY'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** The department that owns (registers) each category. */
export const CATEGORY_OWNER: Record<DataCategory, Department> = {
  BASIC: 'FAMILY',
  SOCIAL: 'FAMILY',
  EMPLOYMENT: 'JOBCENTER',
  HEALTH: 'HEALTH',
  ECONOMY: 'ECONOMY',
};

export interface AccessRequest {
  /** The municipality that owns the data. */
  municipality: string;
  category: DataCategory;
  operation: 'read' | 'write';
  /** What is being accessed, for the error message (never personal data). */
  what: string;
  /**
   * For a read of HEALTH data by another department than HEALTH: the limited
   * view the health subgraph has decided the caller gets (its team and consent
   * rule, see services/health/src/person/health-view.ts) — the summary shared
   * with the team on consent, or only that a record exists and its date.
   * Without it, health data is read by the HEALTH department only.
   */
  limitedHealthView?: 'TEAM_SUMMARY' | 'EXISTENCE';
}

/**
 * The one authorisation point every resolver that returns or changes a
 * person's data passes. Today's rules (the consent and team rules are added
 * here, in one place):
 * - a caller sees only their own municipality; national monitors see no person;
 * - a category is written only by the department that owns it;
 * - health details are read only by the health department; another department
 *   reads only the limited view the health subgraph decided (`limitedHealthView`);
 * - a machine identity (SERVICE only, the reminder worker) reads no person's data
 *   at all: it reads due dates, completeness, case references and caseworkers.
 */
export function authorize(identity: Identity | undefined, request: AccessRequest): void {
  if (!identity) throw new UnauthenticatedError();
  if (identity.roles.includes('NATIONAL_MONITOR') && identity.roles.length === 1)
    throw new ForbiddenError(`National monitors see aggregates only, not ${request.what}`);
  if (identity.roles.every((role) => role === 'SERVICE'))
    throw new ForbiddenError(`The service identity reads no person's data (${request.what})`);
  if (identity.municipality !== request.municipality)
    throw new ForbiddenError(`${request.what} belongs to another municipality`);
  const owner = CATEGORY_OWNER[request.category];
  if (request.operation === 'write' && identity.department !== owner)
    throw new ForbiddenError(`Only the ${owner} department may change ${request.what}`);
  if (
    request.operation === 'read' &&
    request.category === 'HEALTH' &&
    identity.department !== 'HEALTH' &&
    !request.limitedHealthView
  )
    throw new ForbiddenError(`Health details (${request.what}) are visible to the HEALTH department only`);
}

/**
 * Who gets the evaluators' pseudonymised dataset, and who may contribute a
 * department's values to it: a national monitor (the national agency evaluates
 * every municipality's project; the rows carry no identifying data), or a
 * project lead of the municipality every row belongs to. Anyone else —
 * caseworkers, administrators, the SERVICE identity — is refused.
 */
export function authorizeEvaluatorDataset(identity: Identity, municipalities: Iterable<string>): void {
  if (identity.roles.includes('NATIONAL_MONITOR')) return;
  if (identity.roles.includes('PROJECT_LEAD') && [...municipalities].every((m) => m === identity.municipality)) return;
  throw new ForbiddenError("A project's evaluator dataset is for its project leads and national monitors");
}
