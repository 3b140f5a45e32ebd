import { lastDayOfMonth, todayInDenmark } from '@helhed/calendar';
import { ForbiddenError } from '@helhed/errors';
import type { GraphQLResolveInfo } from 'graphql';
import { requirePlannedFetch } from '@helhed/server';
import type { HealthContext } from '../context';
import { isUuid } from '../ids';
import { auditRead, authorizeHealth } from '../person/health-access';
import { healthProgression, monthIndicators } from './indicators';

/** A person's month as the gateway sends it, with the deadline this part requires. */
interface PersonMonthRef {
  personId: string;
  month: string;
  deadline: string;
}

/**
 * The health coordinator's contribution to `PersonMonth`: whether its part
 * applies and is done — never a health value — read within the caller's
 * municipality, one statement per kind for any number of person-months. The
 * state is visible to the team and the reminder worker (it tells that a health
 * assessment exists, not what it says); each read is audited.
 */
export const personMonthResolvers = {
  PersonMonth: {
    __resolveReference: (ref: PersonMonthRef) => ref,
    healthPart: async (pm: PersonMonthRef, _: unknown, ctx: HealthContext) => {
      // Reached only through `@requires`: the family subgraph decided the caller may see this person-month.
      requirePlannedFetch(ctx, "The health part of a person's month");
      if (ctx.identity.roles.every((r) => r === 'NATIONAL_MONITOR'))
        throw new ForbiddenError('National monitors see aggregates only, not registrations of persons');
      const known = isUuid(pm.personId);
      const [assessments, indicators] = await Promise.all([
        known ? ctx.loaders.healthAssessmentsOfPerson.load(pm.personId) : [],
        known ? ctx.loaders.healthIndicatorsOfPerson.load(pm.personId) : [],
      ]);
      if (known) {
        ctx.audit.record({
          personId: pm.personId,
          category: 'HEALTH',
          fieldPath: 'PersonMonth.healthPart',
          operation: 'READ',
        });
      }
      const end = lastDayOfMonth(pm.month);
      const recorded = indicators.find((i) => i.month === pm.month) ?? null;
      // The first recording is what the deadline is measured against; a re-recording keeps it.
      const registeredAt = recorded?.createdAt ?? null;
      return {
        department: 'HEALTH',
        applies: assessments.some((a) => a.assessedOn <= end),
        done: recorded !== null,
        registeredAt,
        onTime: registeredAt ? todayInDenmark(registeredAt) <= pm.deadline : null,
      };
    },
    healthIndicators: async (pm: PersonMonthRef, _: unknown, ctx: HealthContext, info: GraphQLResolveInfo) => {
      authorizeHealth(ctx, 'read', "a person's health indicators");
      if (!isUuid(pm.personId)) return [];
      auditRead(ctx, pm.personId, info);
      const months = await ctx.loaders.healthIndicatorsOfPerson.load(pm.personId);
      const recorded = months.find((m) => m.month === pm.month);
      return recorded ? monthIndicators(recorded) : [];
    },
  },
  Person: {
    /** Clinical (the HEALTH department): the declared policy guards and audits it. */
    healthProgression: async (person: { id: string }, _: unknown, ctx: HealthContext) => {
      if (!isUuid(person.id)) return [];
      return healthProgression(await ctx.loaders.healthIndicatorsOfPerson.load(person.id.toLowerCase()));
    },
  },
};
