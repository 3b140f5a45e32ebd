import { authorize } from '@helhed/identity';
import type { EmploymentContext } from '../context';
import { isUuid } from '../ids';
import type { BenefitPeriodEntity } from './benefit-period.entity';
import { validateBenefitPeriod, type BenefitPeriodInput } from './benefit-period';

/** The one authorisation point for reading benefit periods; the caller's own municipality only. */
function authorizeRead(ctx: EmploymentContext, what: string): void {
  authorize(ctx.identity, { municipality: ctx.identity.municipality, category: 'EMPLOYMENT', operation: 'read', what });
}

/** Loads a benefit period of the caller's municipality; another municipality's period does not exist for the caller. */
export async function visibleBenefitPeriod(ctx: EmploymentContext, id: string): Promise<BenefitPeriodEntity | null> {
  authorizeRead(ctx, 'A benefit period');
  if (!isUuid(id)) return null;
  const period = await ctx.loaders.benefitPeriod.load(id.toLowerCase());
  return period && period.municipalityCode === ctx.identity.municipality ? period : null;
}

export const benefitPeriodResolvers = {
  Query: {
    benefitPeriod: (_: unknown, args: { id: string }, ctx: EmploymentContext) => visibleBenefitPeriod(ctx, args.id),
  },
  Mutation: {
    recordBenefitPeriod: async (_: unknown, args: { input: BenefitPeriodInput }, ctx: EmploymentContext) => {
      const municipality = ctx.identity.municipality;
      authorize(ctx.identity, { municipality, category: 'EMPLOYMENT', operation: 'write', what: 'benefit periods' });
      const valid = validateBenefitPeriod(args.input);
      const period = await ctx.stores.benefitPeriods.create(valid, municipality, ctx.identity.userId);
      ctx.logger.info({ benefitPeriodId: period.id }, 'benefit period recorded');
      return period;
    },
  },
  Person: {
    /** Persons are owned by the family subgraph; here a person is just the id the periods hang on. */
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    benefitPeriods: (person: { id: string }, _: unknown, ctx: EmploymentContext) => {
      authorizeRead(ctx, "A person's benefit periods");
      return isUuid(person.id) ? ctx.loaders.benefitPeriodsOfPerson.load(person.id.toLowerCase()) : [];
    },
  },
  BenefitPeriod: {
    __resolveReference: (ref: { id: string }, ctx: EmploymentContext) => visibleBenefitPeriod(ctx, ref.id),
    from: (period: BenefitPeriodEntity) => period.fromDate,
    to: (period: BenefitPeriodEntity) => period.toDate,
    person: (period: BenefitPeriodEntity) => ({ id: period.personId }),
  },
};
