import type { FamilyFacts } from '../ledger/derive';

/**
 * From how many families on a project's cost totals identify no family (as the
 * national view suppresses counts under 5): below it, a project of one family
 * shows that family's costs, so the totals are that family's economy data.
 */
export const IDENTIFYING_FAMILY_COUNT = 5;

/** Whose data a project's cost totals are: no one's (null), or every member of its few families. */
export interface ProjectCostSubjects {
  personIds: string[];
  /** Families without a member known here (their costs are still theirs). */
  familyIds: string[];
}

/**
 * Whether a project's totals identify its families, and if so whose data they
 * are: the members (current and former) of each family, or the family itself
 * when economy got no member of it.
 */
export function projectCostSubjects(families: readonly FamilyFacts[]): ProjectCostSubjects | null {
  const distinct = [...new Map(families.map((f) => [f.id, f])).values()];
  if (distinct.length === 0 || distinct.length >= IDENTIFYING_FAMILY_COUNT) return null;
  const personIds = new Set<string>();
  const familyIds: string[] = [];
  for (const family of distinct) {
    const members = [...(family.members ?? []), ...(family.formerMembers ?? [])];
    if (members.length === 0) familyIds.push(family.id);
    for (const m of members) personIds.add(m.id.toLowerCase());
  }
  return { personIds: [...personIds], familyIds };
}
