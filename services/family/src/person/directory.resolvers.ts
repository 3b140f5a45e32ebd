import type { PlanActivityEntity } from '../activity/plan-activity.entity';
import type { FamilyContext } from '../context';
import type { PersonEntity } from './person.entity';

/**
 * The family directory's entries (`directory.graphql`): the facts another
 * subgraph checks a write against under its own rules — e.g. any health
 * coordinator of the municipality records health data, on the team or not.
 * The entity itself is found as before (`visiblePerson`, `visibleActivity`:
 * the caller's municipality, no national monitor, no service identity); the
 * entries are inaccessible through the gateway, so no client reads them.
 */
export const directoryResolvers = {
  Person: {
    directoryEntry: (p: PersonEntity) => ({ birthDate: p.birthDate, role: p.role, familyId: p.familyId }),
  },
  PlanActivity: {
    directoryEntry: async (a: PlanActivityEntity, _: unknown, ctx: FamilyContext) => ({
      familyId: a.familyId,
      department: a.department,
      sectorPlanKind: a.sectorPlanKind,
      status: a.status,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      hoursPerWeek: a.hoursPerWeek,
      memberIds: (await ctx.loaders.planActivities.membersOfActivity.load(a.id)).map((m) => m.personId),
    }),
  },
};
