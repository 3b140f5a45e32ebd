import type { FamilyEntity } from './family.entity';

/** Marks a family answered only as existing (see `existenceOnly`). */
export const EXISTENCE_ONLY = Symbol('existence only');

/** The fields a search by case reference answers to a caller who may not see the family. */
export const EXISTENCE_FIELDS = ['id', 'caseReference', 'status'] as const;

/**
 * A family as the search by case reference shows it to a caller who may not
 * see it (a caseworker not on its team): that it exists — its id, the case
 * reference searched for and its status — so a caseworker can tell a taken
 * reference from a free one and ask to join the team; everything else stays
 * refused by the policy at its path.
 */
export function existenceOnly(family: FamilyEntity): FamilyEntity & { [EXISTENCE_ONLY]: true } {
  return { ...family, [EXISTENCE_ONLY]: true };
}
