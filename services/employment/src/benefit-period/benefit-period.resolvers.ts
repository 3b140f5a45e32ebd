import { UserInputError } from '@helhed/errors';
import { authorize } from '@helhed/identity';
import type { EmploymentContext } from '../context';
import { isUuid } from '../ids';
import type { BenefitPeriodEntity } from './benefit-period.entity';
import {
  checkNoBenefitOverlap,
  planBenefitPeriodEnd,
  validateBenefitPeriod,
  type BenefitPeriodEnd,
  type BenefitPeriodInput,
} from './benefit-period';
import { knownPerson } from '../person/known-person';

/** The one authorisation point for changing benefit periods. */
function authorizeWrite(ctx: EmploymentContext): void {
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'EMPLOYMENT',
    operation: 'write',
    what: 'benefit periods',
  });
}

/** A person's periods changed: the request's loaders read them again. */
function periodsChanged(ctx: EmploymentContext, period: BenefitPeriodEntity): BenefitPeriodEntity {
  ctx.loaders.benefitPeriodsOfPerson.clear(period.personId);
  ctx.loaders.benefitPeriod.clear(period.id).prime(period.id, period);
  return period;
}

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
      authorizeWrite(ctx);
      const valid = validateBenefitPeriod(args.input);
      const person = await knownPerson(ctx, valid.personId);
      const period = await ctx.stores.benefitPeriods.create(
        valid,
        { municipalityCode: ctx.identity.municipality, familyId: person.familyId, recordedBy: ctx.identity.userId },
        (existing) => checkNoBenefitOverlap(valid, existing),
      );
      ctx.logger.info({ benefitPeriodId: period.id }, 'benefit period recorded');
      return periodsChanged(ctx, period);
    },
    endBenefitPeriod: async (_: unknown, args: { input: BenefitPeriodEnd }, ctx: EmploymentContext) => {
      authorizeWrite(ctx);
      const found = await visibleBenefitPeriod(ctx, args.input.benefitPeriodId);
      if (!found) {
        throw new UserInputError(
          'input.benefitPeriodId',
          'There is no benefit period with this id in your municipality',
        );
      }
      const ended = await ctx.stores.benefitPeriods.end(found.id, ctx.identity.userId, (current) =>
        planBenefitPeriodEnd(current, args.input),
      );
      return periodsChanged(ctx, ended);
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
