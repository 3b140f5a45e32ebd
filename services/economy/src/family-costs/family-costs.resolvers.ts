import { today } from '@helhed/calendar';
import { authorize } from '@helhed/identity';
import { requirePlannedFetch } from '@helhed/server';
import type { EconomyContext } from '../context';
import { monthOf } from '../dates';
import type { FamilyFacts } from '../ledger/derive';
import { baselineMonths, monthRange, summariseFamilyCosts } from './family-costs';

export const familyCostsResolvers = {
  Family: {
    __resolveReference: (ref: FamilyFacts) => ref,
    costs: async (family: FamilyFacts, args: { from?: string | null; to?: string | null }, ctx: EconomyContext) => {
      authorize(ctx.identity, {
        municipality: ctx.identity.municipality,
        category: 'ECONOMY',
        operation: 'read',
        what: "a family's costs",
      });
      // The facts come by `@requires` from the family subgraph, which decided the caller may see the family;
      // sent straight here they would name any family (and recompute its ledger from made-up facts).
      requirePlannedFetch(ctx, "A family's costs");
      const enrolmentDate = family.enrolmentDate ?? null;
      const baseline = enrolmentDate ? baselineMonths(enrolmentDate) : [];
      const current = monthOf(today());
      const months = monthRange(args.from ?? baseline[0] ?? current, args.to ?? current);
      const all = [...new Set([...baseline, ...months])];
      const lines = await ctx.loaders.ledger.load({ family, months: all });
      return {
        ...summariseFamilyCosts({ enrolmentDate, closedOn: family.closedOn ?? null }, months, lines),
        entries: lines.filter((l) => months.includes(l.month)),
      };
    },
  },
};
