import { UserInputError } from '@helhed/errors';
import { authorize } from '@helhed/identity';
import { knownPerson } from '../person/known-person';
import { namedCompany } from '../company/company.resolvers';
import type { EmploymentContext } from '../context';
import { today } from '../dates';
import { isUuid } from '../ids';
import type { EmploymentPeriodEntity } from './employment-period.entity';
import {
  checkNoEmploymentOverlap,
  periodOn,
  planEmploymentPeriodEnd,
  validateEmploymentPeriod,
  type EmploymentPeriodEnd,
  type EmploymentPeriodInput,
} from './employment-period';

function authorizeEmployment(ctx: EmploymentContext, operation: 'read' | 'write'): void {
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'EMPLOYMENT',
    operation,
    what: "A person's employment periods",
  });
}

const periodsOf = (ctx: EmploymentContext, personId: string): Promise<EmploymentPeriodEntity[]> => {
  authorizeEmployment(ctx, 'read');
  return isUuid(personId) ? ctx.loaders.employmentPeriodsOfPerson.load(personId.toLowerCase()) : Promise.resolve([]);
};

function changed(ctx: EmploymentContext, period: EmploymentPeriodEntity): EmploymentPeriodEntity {
  ctx.loaders.employmentPeriodsOfPerson.clear(period.personId);
  ctx.loaders.employmentPeriod.clear(period.id).prime(period.id, period);
  return period;
}

export const employmentPeriodResolvers = {
  Mutation: {
    recordEmploymentPeriod: async (_: unknown, args: { input: EmploymentPeriodInput }, ctx: EmploymentContext) => {
      authorizeEmployment(ctx, 'write');
      const valid = validateEmploymentPeriod(args.input);
      if (valid.companyId) await namedCompany(ctx, valid.companyId, 'input.employerCompanyId');
      const person = await knownPerson(ctx, valid.personId);
      const row = await ctx.stores.employmentPeriods.create(
        valid,
        { municipalityCode: ctx.identity.municipality, familyId: person.familyId, createdBy: ctx.identity.userId },
        (existing) => checkNoEmploymentOverlap(valid, existing),
      );
      return changed(ctx, row);
    },
    endEmploymentPeriod: async (_: unknown, args: { input: EmploymentPeriodEnd }, ctx: EmploymentContext) => {
      authorizeEmployment(ctx, 'write');
      const id = args.input.employmentPeriodId;
      const found = isUuid(id) ? await ctx.loaders.employmentPeriod.load(id.toLowerCase()) : null;
      if (!found || found.municipalityCode !== ctx.identity.municipality) {
        throw new UserInputError(
          'input.employmentPeriodId',
          'There is no employment period with this id in your municipality',
        );
      }
      const ended = await ctx.stores.employmentPeriods.end(found.id, ctx.identity.userId, (current) =>
        planEmploymentPeriodEnd(current, args.input),
      );
      return changed(ctx, ended);
    },
  },
  Person: {
    employmentPeriods: (person: { id: string }, _: unknown, ctx: EmploymentContext) => periodsOf(ctx, person.id),
    employment: async (person: { id: string }, args: { on?: string | null }, ctx: EmploymentContext) =>
      periodOn(await periodsOf(ctx, person.id), args.on ?? today()),
  },
  EmploymentPeriod: {
    from: (p: EmploymentPeriodEntity) => p.fromDate,
    to: (p: EmploymentPeriodEntity) => p.toDate,
    person: (p: EmploymentPeriodEntity) => ({ id: p.personId }),
    employer: (p: EmploymentPeriodEntity, _: unknown, ctx: EmploymentContext) =>
      p.companyId ? ctx.loaders.company.load(p.companyId) : null,
  },
};
