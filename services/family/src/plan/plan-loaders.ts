import { groupLoader, rowLoader } from '@helhed/db';
import { versionKey, type PlanStore } from './plan-store';

/** Per-request DataLoaders of the plan: one statement per kind of row, however many plans a response holds. */
export function planLoaders(store: PlanStore) {
  return {
    plan: rowLoader(
      (ids: readonly string[]) => store.byIds(ids),
      (p) => p.id,
    ),
    plansOfFamily: groupLoader(
      (familyIds: readonly string[]) => store.ofFamilies(familyIds),
      (p) => p.familyId,
    ),
    openPlanOfFamily: rowLoader(
      (familyIds: readonly string[]) => store.openOfFamilies(familyIds),
      (p) => p.familyId,
    ),
    versionsOfPlan: groupLoader(
      (planIds: readonly string[]) => store.versionsOfPlans(planIds),
      (v) => v.planId,
    ),
    /** Keyed by `versionKey(planId, version)`. */
    phasesOfVersion: groupLoader(
      (keys: readonly string[]) => store.phasesOfVersions(keys),
      (p) => versionKey(p.planId, p.planVersion),
    ),
    /** Keyed by `versionKey(planId, version)`. */
    goalVersionsOfVersion: groupLoader(
      (keys: readonly string[]) => store.goalVersionsOfVersions(keys),
      (g) => versionKey(g.planId, g.planVersion),
    ),
    goal: rowLoader(
      (ids: readonly string[]) => store.goalsByIds(ids),
      (g) => g.id,
    ),
    currentGoalsOfPlan: groupLoader(
      (planIds: readonly string[]) => store.currentGoalsOfPlans(planIds),
      (g) => g.planId,
    ),
    statusChangesOfGoal: groupLoader(
      (goalIds: readonly string[]) => store.statusChangesOfGoals(goalIds),
      (c) => c.goalId,
    ),
  };
}
