import type { Identity } from '@helhed/identity';
import { callerOnTeam, type TeamMembershipTerms } from '../consent/caller-access';

/** A team membership with the department it was made in. */
export interface DepartmentMembership extends TeamMembershipTerms {
  department: string;
}

/**
 * Whether the caller is the family's intake caseworker: they opened the case
 * (`createFamily`, the family department) and the family department has not
 * yet named its caseworker on the team. The caseworker who opens a case works
 * it as its team until then: they add members, record consents, make the first
 * plan and assign the team. Once any family-department caseworker has been on
 * the team (even if that membership has ended), the intake is over for good
 * and only the team rule applies.
 */
export function isIntakeCaseworker(
  identity: Identity,
  family: { createdBy: string },
  team: readonly DepartmentMembership[],
): boolean {
  return family.createdBy === identity.userId && !team.some((m) => m.department === 'FAMILY');
}

/** On the family's team today, or its intake caseworker: who counts as "on the team" for the rules. */
export function actsAsTeam(
  identity: Identity,
  family: { createdBy: string },
  team: readonly DepartmentMembership[],
  day: string,
): boolean {
  return callerOnTeam(identity, team, day) || isIntakeCaseworker(identity, family, team);
}
