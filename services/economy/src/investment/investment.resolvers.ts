import { ForbiddenError, UnauthenticatedError } from '@helhed/errors';
import type { EconomyContext } from '../context';
import { money } from '../money';
import { mustBeProject } from '../project-check';
import type { InvestmentCaseEntity } from './investment-case.entity';
import { forecast, validateInvestmentCase, type NewInvestmentCase, type YearFigures } from './investment';

/** Investment cases are municipality-level plans: read by anyone of the municipality, made by economy or a project lead. */
function mayCreate(ctx: EconomyContext) {
  const who = ctx.identity;
  if (!who) throw new UnauthenticatedError();
  if (who.department !== 'ECONOMY' && !who.roles.includes('PROJECT_LEAD'))
    throw new ForbiddenError('Investment cases are made by the economy department or a project lead');
}

const year = (y: YearFigures) => ({
  year: y.year,
  grossConsequences: money(y.grossOre),
  effortCost: money(y.effortOre),
  net: money(y.netOre),
  cumulativeNet: money(y.cumulativeOre),
});

export const investmentResolvers = {
  Query: {
    investmentCases: (_: unknown, __: unknown, ctx: EconomyContext) =>
      ctx.stores.investments.list(ctx.identity.municipality),
    investmentCase: (_: unknown, args: { id: string }, ctx: EconomyContext) => ctx.loaders.investmentCase.load(args.id),
  },
  Mutation: {
    createInvestmentCase: async (_: unknown, args: { input: NewInvestmentCase }, ctx: EconomyContext) => {
      mayCreate(ctx);
      const catalogue = await ctx.loaders.catalogue();
      const valid = validateInvestmentCase(args.input, new Set(catalogue.map((p) => p.costType)));
      if (valid.projectId) await mustBeProject(ctx, valid.projectId);
      return ctx.stores.investments.add({
        ...valid,
        municipalityCode: ctx.identity.municipality,
        createdBy: ctx.identity.userId,
      });
    },
  },
  InvestmentCase: {
    __resolveReference: (ref: { id: string }, ctx: EconomyContext) => ctx.loaders.investmentCase.load(ref.id),
    project: (c: InvestmentCaseEntity) => (c.projectId ? { __typename: 'Project', id: c.projectId } : null),
    outcomes: (c: InvestmentCaseEntity) =>
      c.outcomes.map((o) => ({
        name: o.name,
        successRateWithEffort: o.withEffortBasisPoints / 10_000,
        successRateWithoutEffort: o.withoutEffortBasisPoints / 10_000,
        consequences: o.consequences.map((q) => ({
          costType: q.costType,
          yearlyQuantityChange: q.yearlyQuantityChangeMilli / 1000,
        })),
      })),
    result: async (c: InvestmentCaseEntity, _: unknown, ctx: EconomyContext) => {
      const catalogue = await ctx.loaders.catalogue();
      const onDay = catalogue.filter(
        (p) => p.validFrom <= c.priceDate && (p.validTo === null || p.validTo >= c.priceDate),
      );
      const f = forecast(c, onDay);
      const payer = (p: (typeof f.payers)[number]) => ({ ...p, years: p.years.map(year) });
      return { payers: f.payers.map(payer), total: payer(f.total), unpricedCostTypes: f.unpricedCostTypes };
    },
  },
};
