import { today } from '@helhed/calendar';
import { ForbiddenError, UnauthenticatedError, UserInputError } from '@helhed/errors';
import { requirePlannedFetch } from '@helhed/server';
import type { EconomyContext } from '../context';
import { addMonths, monthOf } from '../dates';
import { forecast } from '../investment/investment';
import { money, roundDiv } from '../money';
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
  // The enrolments come by `@requires` from the family subgraph; sent straight here they would name any family.
  requirePlannedFetch(ctx, "A project's costs");
}

async function projectCosts(project: ProjectRepresentation, from: string, to: string, ctx: EconomyContext) {
  mayReadProjectCosts(ctx);
  return costsOfMonths(project, monthRange(from, to), ctx);
}

async function costsOfMonths(project: ProjectRepresentation, months: string[], ctx: EconomyContext) {
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
      const current = monthOf(today());
      const from = args.from ?? (project.startsOn ? monthOf(project.startsOn) : current);
      return projectCosts(project, from, args.to ?? current, ctx);
    },
    investmentComparison: async (project: ProjectRepresentation, args: { caseId: string }, ctx: EconomyContext) => {
      mayReadProjectCosts(ctx);
      const c = await ctx.loaders.investmentCase.load(args.caseId);
      if (!c) throw new UserInputError('caseId', 'There is no investment case with this id in your municipality');
      const catalogue = await ctx.loaders.catalogue();
      const prices = catalogue.filter(
        (p) => p.validFrom <= c.priceDate && (p.validTo === null || p.validTo >= c.priceDate),
      );
      const gross = forecast({ ...c, discountRateBasisPoints: 0 }, prices).total.years.map((y) => y.grossOre);
      const current = monthOf(today());
      const first = monthOf(c.startsOn);
      const years = gross
        .map((_, i) => ({
          year: i + 1,
          firstMonth: addMonths(first, 12 * i),
          lastMonth: addMonths(first, 12 * i + 11),
        }))
        .filter((y) => y.firstMonth <= current)
        .map((y) => ({ ...y, lastMonth: y.lastMonth < current ? y.lastMonth : current }));
      if (years.length === 0) return [];
      // One ledger read for every year observed.
      const all = await costsOfMonths(
        project,
        monthRange(years[0]!.firstMonth, years[years.length - 1]!.lastMonth),
        ctx,
      );
      return years.map((y) => {
        const months = all.months.filter((m) => m.month >= y.firstMonth && m.month <= y.lastMonth);
        const familyMonths = months.reduce((n, m) => n + m.familyCount, 0);
        const observed = months.reduce((n, m) => n + m.baseline.ore - m.total.ore, 0);
        return {
          ...y,
          familyMonths,
          forecastSaving: money(roundDiv(gross[y.year - 1]! * familyMonths, 12 * c.participants)),
          observedSaving: money(observed),
        };
      });
    },
    costDevelopment: async (project: ProjectRepresentation, args: { month: string }, ctx: EconomyContext) =>
      (await projectCosts(project, args.month, args.month, ctx)).months[0],
  },
};
