import { ForbiddenError } from '@helhed/errors';
import { authorize } from '@helhed/identity';
import { requirePlannedFetch } from '@helhed/server';
import type { EconomyContext } from '../context';
import { money } from '../money';
import { monthlyBenefitCost, type BenefitPeriodFacts } from './benefit-cost';

/** A person as the gateway sends it: the id, plus the employment fields economy @requires. */
export interface PersonRepresentation {
  id: string;
  /** Null when the employment subgraph refused them to the caller. */
  benefitPeriods?: BenefitPeriodFacts[] | null;
}

export const benefitCostResolvers = {
  Person: {
    __resolveReference: (ref: PersonRepresentation) => ref,
    monthlyBenefitCost: async (person: PersonRepresentation, args: { month: string }, ctx: EconomyContext) => {
      authorize(ctx.identity, {
        municipality: ctx.identity.municipality,
        category: 'ECONOMY',
        operation: 'read',
        what: "a person's costs",
      });
      // The benefit periods come by `@requires` from the employment subgraph, which decided the caller may see them.
      requirePlannedFetch(ctx, "A person's benefit costs");
      if (person.benefitPeriods === null)
        throw new ForbiddenError('The benefit periods the cost is priced from are not visible to the caller');
      const periods = person.benefitPeriods ?? [];
      const types = [...new Set(periods.map((p) => p.type))];
      const prices = (await ctx.loaders.monthlyPrices.loadMany(types)).flatMap((r) => (r instanceof Error ? [] : r));
      const cost = monthlyBenefitCost(periods, args.month, prices);
      return { month: args.month, total: money(cost.ore), unpricedDays: cost.unpricedDays };
    },
  },
};
