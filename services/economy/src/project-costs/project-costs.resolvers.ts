import { todayInDenmark } from '@helhed/calendar';
import { ForbiddenError, UnauthenticatedError } from '@helhed/errors';
import type { EconomyContext } from '../context';
import { monthOf } from '../dates';
import type { FamilyFacts } from '../ledger/derive';
import { recomputeAndRead } from '../ledger/recompute';
import { monthRange } from '../family-costs/family-costs';
import { monthsNeeded, summariseProjectCosts, type EnrolmentFacts } from './project-costs';

/** A project as the gateway sends it: the id plus the enrolments economy @requires. */
export interface ProjectRepresentation {
  id: string;
  startsOn?: string;
  families?: { edges: Array<{ node: { enrolledOn: string; endedOn: string | null; family: FamilyFacts } }> };
}

/**
 * Municipality totals carry no person's data, but they are the municipality's
 * own: the project lead, the economy department, administrators and the
 * reminder worker (for the monthly status report) of the municipality.
 */
function mayReadProjectCosts(ctx: EconomyContext) {
  const who = ctx.identity;
  if (!who) throw new UnauthenticatedError();
  const allowed =
    who.department === 'ECONOMY' || who.roles.some((r) => r === 'PROJECT_LEAD' || r === 'ADMIN' || r === 'SERVICE');
  if (!allowed) {
    throw new ForbiddenError('A project’s costs are for the project lead, the economy department and administrators');
  }
}

async function projectCosts(project: ProjectRepresentation, from: string, to: string, ctx: EconomyContext) {
  mayReadProjectCosts(ctx);
  const months = monthRange(from, to);
  const nodes = (project.families?.edges ?? []).map((e) => e.node);
  const enrolments: EnrolmentFacts[] = nodes.map((n) => ({
    familyId: n.family.id,
    enrolledOn: n.enrolledOn,
    endedOn: n.endedOn,
  }));
  const families = [...new Map(nodes.map((n) => [n.family.id, n.family])).values()];
  const lines = await recomputeAndRead(ctx, families, monthsNeeded(enrolments, months));
  return summariseProjectCosts(enrolments, months, lines, ctx.settings.costTrendThresholdPercent);
}

export const projectCostsResolvers = {
  Project: {
    __resolveReference: (ref: ProjectRepresentation) => ref,
    costs: (
      project: ProjectRepresentation,
      args: { from?: string | null; to?: string | null },
      ctx: EconomyContext,
    ) => {
      const current = monthOf(todayInDenmark());
      const from = args.from ?? (project.startsOn ? monthOf(project.startsOn) : current);
      return projectCosts(project, from, args.to ?? current, ctx);
    },
    costDevelopment: async (project: ProjectRepresentation, args: { month: string }, ctx: EconomyContext) =>
      (await projectCosts(project, args.month, args.month, ctx)).months[0],
  },
};
