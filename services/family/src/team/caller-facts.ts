import {
  auditCategoryOf,
  CATEGORY_OWNER,
  decideRead,
  type DataCategory,
  type DeclaredCategory,
  type ReadDecision,
} from '@helhed/identity';
import type { FamilyContext } from '../context';
import { actsAsTeam } from './intake';
import { sharingPermissionFor } from '../consent/sharing-permission';
import { leadsProjectOfFamily } from '../project/project-lead';

/** The facts `decideRead` decides on for the caller and one family (or one member of it) and category. */
export interface CallerFacts {
  onTeam: boolean;
  sharingAllowed: boolean;
  isProjectLeadOfFamily: boolean;
}

/** Categories every team member sees: no consent is asked for them. */
const TEAM_WIDE = new Set<DeclaredCategory>(['BASIC', 'PLAN', 'INDICATOR']);

const outsideThePolicy = (ctx: FamilyContext, municipality: string) =>
  ctx.identity.municipality !== municipality ||
  ctx.identity.roles.includes('SERVICE') ||
  ctx.identity.roles.every((r) => r === 'NATIONAL_MONITOR');

/**
 * Whether the caller counts as on the family's team today (a member, or its
 * intake caseworker: `team/intake.ts`), from the request's team and family loaders.
 */
export async function callerActsAsTeam(ctx: FamilyContext, familyId: string): Promise<boolean> {
  const [family, team] = await Promise.all([
    ctx.loaders.family.load(familyId),
    ctx.loaders.teamOfFamily.load(familyId),
  ]);
  return family !== null && actsAsTeam(ctx.identity, family, team, ctx.today);
}

/**
 * Whether the caller leads a project the family is or was enrolled in (asked
 * only of a PROJECT_LEAD): two batched statements per request however many families.
 */
export async function isProjectLeadOf(ctx: FamilyContext, familyId: string): Promise<boolean> {
  if (!ctx.identity.roles.includes('PROJECT_LEAD')) return false;
  const enrolments = await ctx.loaders.enrolmentsOfFamily.load(familyId);
  const projects = await Promise.all(
    [...new Set(enrolments.map((e) => e.projectId))].map((id) => ctx.loaders.project.load(id)),
  );
  return leadsProjectOfFamily(ctx.identity, enrolments, projects);
}

/**
 * The caller's facts for a family's data of a category, from this subgraph's
 * own per-request loaders (no network hop, nothing cached across requests):
 * the team today, the projects the family is or was enrolled in, and — for a
 * member's data of a department's category that is not the caller's own — the
 * member's consents and legal bases (`decideSharing`). Family-level data (no
 * member) of another department's category is not shared: a consent is a
 * person's. Only what the decision can need is read.
 */
export async function callerFacts(
  ctx: FamilyContext,
  subject: { familyId: string; personId: string | null; municipality: string },
  category: DataCategory,
  declared: DeclaredCategory = category,
): Promise<CallerFacts> {
  const none: CallerFacts = { onTeam: false, sharingAllowed: false, isProjectLeadOfFamily: false };
  if (outsideThePolicy(ctx, subject.municipality)) return none;
  const onTeam = await callerActsAsTeam(ctx, subject.familyId);
  const needsSharing =
    onTeam &&
    subject.personId !== null &&
    !TEAM_WIDE.has(declared) &&
    CATEGORY_OWNER[category] !== ctx.identity.department;
  const [sharing, isProjectLeadOfFamily] = await Promise.all([
    needsSharing
      ? sharingPermissionFor(ctx, subject.personId!, { department: ctx.identity.department, category, on: ctx.today })
      : null,
    onTeam ? false : isProjectLeadOf(ctx, subject.familyId),
  ]);
  return { onTeam, sharingAllowed: sharing?.allowed ?? false, isProjectLeadOfFamily };
}

/** Whose data an object of the family subgraph is (see `DataSubject` in @helhed/server). */
export interface FamilySubject {
  personId: string | null;
  familyId: string | null;
  municipality: string;
}

/**
 * The one policy (`decideRead`) for the caller and a subject of this subgraph,
 * with the facts from `callerFacts`: what the root queries ask before they
 * answer with a family, a person, a plan or an activity.
 */
export async function decideFamilyRead(
  ctx: FamilyContext,
  subject: FamilySubject,
  declared: Exclude<DeclaredCategory, 'NOT_PERSONAL'>,
): Promise<ReadDecision> {
  const category = auditCategoryOf(declared, 'SOCIAL');
  const facts = subject.familyId
    ? await callerFacts(ctx, { ...subject, familyId: subject.familyId }, category, declared)
    : { onTeam: false, sharingAllowed: false, isProjectLeadOfFamily: false };
  return decideRead(ctx.identity, {
    category: declared,
    municipality: subject.municipality,
    ownCategory: 'SOCIAL',
    ...facts,
  });
}
