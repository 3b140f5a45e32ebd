import type { DataSource } from 'typeorm';
import { activityLoaders } from '../activity/activity-loaders';
import { ActivityStore } from '../activity/activity-store';
import { assessmentLoaders } from '../assessment/assessment-loaders';
import { AssessmentStore } from '../assessment/assessment-store';
import { followUpLoaders } from '../follow-up/follow-up-loaders';
import { FollowUpStore } from '../follow-up/follow-up-store';
import type { HistoryStore } from '@helhed/history';
import { planLoaders } from './plan-loaders';
import { PlanStore } from './plan-store';

/** The stores of the one plan, its activities and follow-ups, and the assessment it builds on. */
export function createPlanStores(db: DataSource, history: HistoryStore) {
  const plans = new PlanStore(db, history);
  const planActivities = new ActivityStore(db, history, plans);
  return {
    plans,
    planActivities,
    followUps: new FollowUpStore(db, history, plans, planActivities),
    assessments: new AssessmentStore(db, history),
  };
}

/** Their per-request DataLoaders, one group per folder (`ctx.loaders.plans.goal`, ...). */
export function createPlanLoaders(stores: ReturnType<typeof createPlanStores>) {
  return {
    plans: planLoaders(stores.plans),
    planActivities: activityLoaders(stores.planActivities),
    followUps: followUpLoaders(stores.followUps),
    assessments: assessmentLoaders(stores.assessments),
  };
}
