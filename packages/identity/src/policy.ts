import { CATEGORY_OWNER, type DataCategory } from './access';
import type { Identity } from './identity';

/**
 * What a field of a subgraph's schema returns, as declared in the subgraph's
 * `src/data-categories.ts`: one of the five categories of a person's data,
 * `PLAN` (the family's one integrated plan: visible to the whole team and the
 * project lead, kept by the family department), `INDICATOR` (a department's
 * monthly registration and the project's indicators measured from it: visible
 * to the team and the project lead, audited under the subgraph's own
 * category), or `NOT_PERSONAL` (structural or non-personal: ids, connections'
 * page info, reference data, aggregates), or `COST_BASIS` (the few facts of a
 * department's record a cost is priced from — a benefit period's type and
 * dates: the ECONOMY department and project leads may read them, because the programme obliges
 * the municipality to follow each family's total cost across departments and
 * the economy subgraph computes it from them through `@requires`, with the
 * caller's identity; anyone else reads them as the subgraph's own category).
 */
export type DeclaredCategory = DataCategory | 'PLAN' | 'INDICATOR' | 'COST_BASIS' | 'NOT_PERSONAL';

/** A subgraph's declared policy: `'Type.field'` → its category. */
export type DataCategoryMap = Readonly<Record<string, DeclaredCategory>>;

/**
 * The category a read of a declared field is audited under: the plan is kept
 * by the family department (SOCIAL); indicators under the category of the
 * department that registers them (`indicatorsOf`, the subgraph's own).
 */
export function auditCategoryOf(
  category: Exclude<DeclaredCategory, 'NOT_PERSONAL'>,
  indicatorsOf: DataCategory,
): DataCategory {
  if (category === 'PLAN') return 'SOCIAL';
  if (category === 'INDICATOR' || category === 'COST_BASIS') return indicatorsOf;
  return category;
}

/** The facts about one piece of data `decideRead` decides on; the subgraph gathers them (batched per request). */
export interface ReadFacts {
  category: Exclude<DeclaredCategory, 'NOT_PERSONAL'>;
  /** The municipality that owns the data. */
  municipality: string;
  /** Whether the caller (user id = caseworker id) is on the team of the data's family today. */
  onTeam: boolean;
  /**
   * Whether the sharing rule (`decideSharing` in the family subgraph) lets the
   * caller's department see the category today: it owns it, or a valid consent
   * or recorded legal basis covers the department and category.
   */
  sharingAllowed: boolean;
  /**
   * Whether the caller is the project lead of a project the data's family is or
   * was enrolled in (an ended enrolment counts: the project's reports cover its
   * past months), as the family subgraph decides it.
   */
  isProjectLeadOfFamily?: boolean;
  /** The deciding subgraph's own category: what `COST_BASIS` counts as for anyone but the ECONOMY department. */
  ownCategory?: DataCategory;
}

export type ReadDecision = { allowed: true; basis: ReadBasis } | { allowed: false; reason: string };
export type ReadBasis = 'TEAM' | 'OWN_DEPARTMENT' | 'SHARING' | 'PROJECT_LEAD' | 'SERVICE' | 'ADMIN' | 'COST_PICTURE';

const only = (identity: Identity, role: Identity['roles'][number]) =>
  identity.roles.length > 0 && identity.roles.every((r) => r === role);

/**
 * The cost picture (issue 6: for the project lead and the economy consultant):
 * the project's cost totals are computed from the facts a cost is priced from
 * (COST_BASIS: a benefit period's type and dates), read through `@requires`
 * with the caller's identity, so the ECONOMY department reads those facts of
 * every family of its municipality and a project lead those of the families
 * of their project only (`isProjectLeadOfFamily`,
 * from the family subgraph's `accessForCaller`: a family enrolled, now or
 * before, in a project they lead).
 */
function readsCostPicture(identity: Identity, facts: ReadFacts): boolean {
  if (identity.roles.includes('SERVICE')) return false;
  if (identity.department === 'ECONOMY') return true;
  return identity.roles.includes('PROJECT_LEAD') && facts.isProjectLeadOfFamily === true;
}

/**
 * The one policy every subgraph asks before it shows a field of a person's
 * data (DESIGN.md "Access rules"; the matrix in
 * `packages/devstack/src/access-matrix.gateway.test.ts` states it as a table):
 * - only the caller's own municipality; national monitors see aggregates only;
 * - the reminder worker (SERVICE) sees BASIC and the plan, nothing more;
 * - a caseworker on the family's team sees BASIC, the plan and the indicators, their own
 *   department's category in full, and another department's category only
 *   where a consent or recorded legal basis covers their department and that
 *   category today (`sharingAllowed`);
 * - the project lead of a project the family is enrolled in sees BASIC, the plan
 *   and the indicators, not a department's detailed data (nor health detail);
 * - an administrator (not on the team) sees BASIC, to administer teams and records;
 * - anyone else sees nothing of the family (a search by case reference may
 *   still tell that it exists: that is the search's own NOT_PERSONAL answer).
 * A department's own category is its team members' (a health coordinator or an
 * economy consultant off the team sees nothing of the family either; the
 * family department puts them on the team). A family's cost per family
 * (ECONOMY) follows the same rule; only the few COST_BASIS facts a project's
 * totals are computed from reach the economy department and project leads
 * beyond the team. Health clinical detail is narrowed further by the health
 * subgraph itself (`services/health/src/person/health-view.ts`).
 */
export function decideRead(identity: Identity | undefined, facts: ReadFacts): ReadDecision {
  if (!identity) return { allowed: false, reason: 'Not signed in' };
  if (identity.municipality !== facts.municipality)
    return { allowed: false, reason: 'The data belongs to another municipality' };
  if (only(identity, 'NATIONAL_MONITOR')) return { allowed: false, reason: 'National monitors see aggregates only' };
  if (facts.category === 'COST_BASIS') {
    if (readsCostPicture(identity, facts)) return { allowed: true, basis: 'COST_PICTURE' };
    return decideRead(identity, { ...facts, category: facts.ownCategory ?? 'EMPLOYMENT' });
  }
  const shared = facts.category === 'BASIC' || facts.category === 'PLAN';
  const measured = shared || facts.category === 'INDICATOR';
  if (identity.roles.includes('SERVICE'))
    return shared
      ? { allowed: true, basis: 'SERVICE' }
      : { allowed: false, reason: `The reminder worker sees no ${facts.category} data` };
  if (facts.onTeam) {
    if (facts.category === 'BASIC' || facts.category === 'PLAN' || facts.category === 'INDICATOR')
      return { allowed: true, basis: 'TEAM' };
    if (CATEGORY_OWNER[facts.category] === identity.department) return { allowed: true, basis: 'OWN_DEPARTMENT' };
    if (facts.sharingAllowed) return { allowed: true, basis: 'SHARING' };
    return {
      allowed: false,
      reason: `${facts.category} data is shared with the ${identity.department} department only on a consent or legal basis that covers it`,
    };
  }
  if (identity.roles.includes('PROJECT_LEAD') && facts.isProjectLeadOfFamily)
    return measured
      ? { allowed: true, basis: 'PROJECT_LEAD' }
      : {
          allowed: false,
          reason: `The project lead sees the basic data, the plan and the indicators, not ${facts.category} data`,
        };
  if (identity.roles.includes('ADMIN') && facts.category === 'BASIC') return { allowed: true, basis: 'ADMIN' };
  return { allowed: false, reason: "Only the family's team sees its data" };
}
