import { groupLoader, rowLoader } from '@helhed/db';
import type { FollowUpStore } from './follow-up-store';

/** Per-request DataLoaders of follow-ups: one statement per kind of row. */
export function followUpLoaders(store: FollowUpStore) {
  return {
    followUp: rowLoader(
      (ids: readonly string[]) => store.byIds(ids),
      (f) => f.id,
    ),
    followUpsOfPlan: groupLoader(
      (planIds: readonly string[]) => store.ofPlans(planIds),
      (f) => f.planId,
    ),
    followUpsOfActivity: groupLoader(
      (activityIds: readonly string[]) => store.ofActivities(activityIds),
      (f) => f.activityId ?? '',
    ),
    /** The latest held plan-level follow-up, by plan id (null when none was held). */
    lastHeldOfPlan: rowLoader(
      (planIds: readonly string[]) => store.lastHeldOfPlans(planIds),
      (h) => h.key,
    ),
    /** The latest held follow-up, by activity id (null when none was held). */
    lastHeldOfActivity: rowLoader(
      (activityIds: readonly string[]) => store.lastHeldOfActivities(activityIds),
      (h) => h.key,
    ),
    participantsOfFollowUp: groupLoader(
      (ids: readonly string[]) => store.participantsOf(ids),
      (p) => p.followUpId,
    ),
    progressOfFollowUp: groupLoader(
      (ids: readonly string[]) => store.progressOf(ids),
      (p) => p.followUpId,
    ),
  };
}
