import DataLoader from 'dataloader';
import { todayInDenmark } from '@helhed/calendar';
import { batchScheduleFn } from '@helhed/db';
import { ForbiddenError } from '@helhed/errors';
import { authorize } from '@helhed/identity';
import { DateTimeScalar, requirePlannedFetch } from '@helhed/server';
import type { EmploymentContext } from '../context';
import { isUuid } from '../ids';
import { normaliseId } from '../offer/offer-participation';
import { jobcenterProgression, monthIndicators } from './indicators';
import type { RegistrationConfirmationEntity } from './registration-confirmation.entity';

const monthsLoaders = new WeakMap<object, DataLoader<string, RegistrationConfirmationEntity[]>>();

/** Every confirmed month of the persons a request needs, one statement per request (kept beside the request's context). */
export function confirmedMonths(ctx: EmploymentContext) {
  let loader = monthsLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(
      async (ids: readonly string[]) => {
        const rows = await ctx.stores.registrations.byPersonIds(ctx.identity.municipality, ids);
        return ids.map((id) => rows.filter((r) => r.personId === id));
      },
      { batchScheduleFn },
    );
    monthsLoaders.set(ctx, loader);
  }
  return loader;
}

const readIndicators = (ctx: EmploymentContext) =>
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'EMPLOYMENT',
    operation: 'read',
    what: "A person's labour-market indicators",
  });

/** A person's month as the gateway sends it, with the family subgraph's fields this part requires. */
interface PersonMonthRef {
  personId: string;
  month: string;
  deadline: string;
  ageAtEndOfMonth: number;
}

/** The jobcenter's part applies to adults and to children from 13. */
export const JOBCENTER_PART_FROM_AGE = 13;

/**
 * The jobcenter's contribution to `PersonMonth`: the state of its part only (no
 * values), read within the caller's municipality, one statement for any number of
 * person-months.
 */
export const personMonthResolvers = {
  DateTime: DateTimeScalar,
  PersonMonth: {
    __resolveReference: (ref: PersonMonthRef) => ref,
    jobcenterPart: async (pm: PersonMonthRef, _: unknown, ctx: EmploymentContext) => {
      // Reached only through `@requires`: the family subgraph decided the caller may see this person-month.
      requirePlannedFetch(ctx, "The jobcenter's part of a person's month");
      if (ctx.identity.roles.every((r) => r === 'NATIONAL_MONITOR'))
        throw new ForbiddenError('National monitors see aggregates only, not registrations of persons');
      const confirmation = isUuid(pm.personId)
        ? await ctx.loaders.registrations.confirmation.load(`${pm.personId}|${pm.month}`)
        : null;
      // The first confirmation is what the deadline is measured against; a reconfirmation keeps it.
      const registeredAt = confirmation?.createdAt ?? null;
      return {
        department: 'JOBCENTER',
        applies: pm.ageAtEndOfMonth >= JOBCENTER_PART_FROM_AGE,
        done: confirmation !== null,
        registeredAt,
        onTime: registeredAt ? todayInDenmark(registeredAt) <= pm.deadline : null,
      };
    },
    jobcenterIndicators: async (pm: PersonMonthRef, _: unknown, ctx: EmploymentContext) => {
      readIndicators(ctx);
      const confirmation = isUuid(pm.personId)
        ? await ctx.loaders.registrations.confirmation.load(`${pm.personId}|${pm.month}`)
        : null;
      return confirmation ? monthIndicators(confirmation) : [];
    },
  },
  Person: {
    jobcenterProgression: async (person: { id: string }, _: unknown, ctx: EmploymentContext) => {
      readIndicators(ctx);
      const id = normaliseId(person.id);
      return isUuid(id) ? jobcenterProgression(await confirmedMonths(ctx).load(id)) : [];
    },
  },
};
