import { groupLoader, rowLoader } from '@helhed/db';
import type { ActivityStore } from './activity-store';

/** Per-request DataLoaders of plan activities: one statement per kind of row. */
export function activityLoaders(store: ActivityStore) {
  return {
    activity: rowLoader(
      (ids: readonly string[]) => store.byIds(ids),
      (a) => a.id,
    ),
    activitiesOfPlan: groupLoader(
      (planIds: readonly string[]) => store.ofPlans(planIds),
      (a) => a.planId,
    ),
    activitiesOfGoal: groupLoader(
      (goalIds: readonly string[]) => store.ofGoals(goalIds),
      (a) => a.goalId ?? '',
    ),
    /** The member links of each activity (person ids), in the order they were added. */
    membersOfActivity: groupLoader(
      (activityIds: readonly string[]) => store.currentMembersOf(activityIds),
      (m) => m.activityId,
    ),
    changesOfActivity: groupLoader(
      (activityIds: readonly string[]) => store.changesOf(activityIds),
      (c) => c.entityId,
    ),
  };
}
