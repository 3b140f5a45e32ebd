import type { HealthContext } from '../context';
import { isUuid } from '../ids';
import { knownPerson } from '../person/known-person';
import { auditWrite, authorizeHealth } from '../person/health-access';
import type { HealthIndicatorsEntity } from './health-indicators.entity';
import { monthWithin, scoreWho5, validateHealthIndicators, type HealthIndicatorsInput } from './health-indicators';

export const healthIndicatorResolvers = {
  Mutation: {
    recordHealthIndicators: async (_: unknown, args: { input: HealthIndicatorsInput }, ctx: HealthContext) => {
      authorizeHealth(ctx, 'write', 'health indicators');
      const valid = validateHealthIndicators(args.input, ctx.today);
      const person = await knownPerson(ctx, valid.personId);
      const row = await ctx.stores.healthIndicators.record(valid, {
        municipalityCode: ctx.identity.municipality,
        familyId: person.familyId,
        recordedBy: ctx.identity.userId,
      });
      auditWrite(ctx, row.personId, 'recordHealthIndicators', 'CREATE');
      ctx.loaders.healthIndicatorsOfPerson.clear(row.personId);
      return row;
    },
  },
  Person: {
    /** Clinical (the HEALTH department): the declared policy guards and audits it. */
    healthIndicators: async (
      person: { id: string },
      args: { from?: string | null; to?: string | null },
      ctx: HealthContext,
    ) => {
      if (!isUuid(person.id)) return [];
      const months = await ctx.loaders.healthIndicatorsOfPerson.load(person.id.toLowerCase());
      return months.filter((m) => monthWithin(m.month, args.from, args.to));
    },
  },
  HealthIndicators: {
    who5Raw: (row: HealthIndicatorsEntity) => scoreWho5(row.who5Items).raw,
    who5Index: (row: HealthIndicatorsEntity) => scoreWho5(row.who5Items).index,
    who5BelowFifty: (row: HealthIndicatorsEntity) => scoreWho5(row.who5Items).belowFifty,
    who5BelowTwentyEight: (row: HealthIndicatorsEntity) => scoreWho5(row.who5Items).belowTwentyEight,
    person: (row: HealthIndicatorsEntity) => ({ id: row.personId }),
  },
};
