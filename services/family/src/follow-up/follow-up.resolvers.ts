import { ForbiddenError, UserInputError } from '@helhed/errors';
import { authorize } from '@helhed/identity';
import { mayWriteActivity, visibleActivity } from '../activity/activity.resolvers';
import type { PlanActivityEntity } from '../activity/plan-activity.entity';
import { isFinished } from '../activity/plan-activity';
import { caseworkerFacts } from '../assessment/assessment.resolvers';
import type { CaseworkerEntity } from '../caseworker/caseworker.entity';
import type { FamilyContext } from '../context';
import { isUuid } from '../ids';
import type { FamilyPlanEntity, GoalStatusChangeEntity } from '../plan/plan.entity';
import {
  followUpsDue,
  nextFollowUpDue,
  type FollowUpDueItem,
  targetOf,
  validateHeldFollowUp,
  validatePlannedFollowUp,
  type FollowUpTarget,
  type PlanFollowUpInput,
  type RecordFollowUpInput,
} from './follow-up';
import type { FollowUpEntity, FollowUpGoalProgressEntity } from './follow-up.entity';

/**
 * The write check of a follow-up: on an activity, as for the activity (its own
 * department or the family department); on the plan, as for the plan.
 */
async function mayWriteFollowUp(ctx: FamilyContext, target: FollowUpTarget): Promise<void> {
  let activityId: string | null = target.kind === 'activity' ? target.id : null;
  if (target.kind === 'followUp' && isUuid(target.id)) {
    const followUp = await ctx.loaders.followUps.followUp.load(target.id);
    if (followUp && followUp.municipalityCode === ctx.identity.municipality) activityId = followUp.activityId;
  }
  const activity = activityId ? await visibleActivity(ctx, activityId) : null;
  if (activityId && !activity) {
    throw new UserInputError('input.activityId', 'There is no activity with this id in your municipality');
  }
  if (activity) return mayWriteActivity(ctx, activity.department);
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'BASIC',
    operation: 'write',
    what: 'follow-ups on the family plan',
  });
}

const heldOnOf = async (load: Promise<{ heldOn: string } | null>) => (await load)?.heldOn ?? null;

/** Due dates are read by the reminder worker (SERVICE) and project leads; they name no citizen. */
function mayReadDueFollowUps(ctx: FamilyContext): void {
  const { roles } = ctx.identity;
  if (!roles.includes('SERVICE') && !roles.includes('PROJECT_LEAD')) {
    throw new ForbiddenError('Follow-ups due are read by the reminder worker and project leads only');
  }
}

const caseworkerOrNull = (ctx: FamilyContext, id: string | null) => (id ? ctx.loaders.caseworker.load(id) : null);

export const followUpResolvers = {
  Query: {
    followUpsDue: async (_: unknown, args: { until: string }, ctx: FamilyContext) => {
      mayReadDueFollowUps(ctx);
      const candidates = await ctx.stores.followUps.dueCandidates(ctx.identity.municipality, ctx.today);
      return followUpsDue(candidates, args.until);
    },
    projectLeadsOn: async (_: unknown, args: { day: string }, ctx: FamilyContext) => {
      mayReadDueFollowUps(ctx);
      const ids = await ctx.stores.followUps.projectLeadIds(ctx.identity.municipality, args.day);
      const leads = await ctx.loaders.caseworker.loadMany(ids);
      return leads.filter((c): c is CaseworkerEntity => !!c && !(c instanceof Error));
    },
  },

  FollowUpDue: {
    responsible: (item: FollowUpDueItem, _: unknown, ctx: FamilyContext) => caseworkerOrNull(ctx, item.responsibleId),
    projectLead: (item: FollowUpDueItem, _: unknown, ctx: FamilyContext) => caseworkerOrNull(ctx, item.projectLeadId),
  },

  Mutation: {
    planFollowUp: async (_: unknown, args: { input: PlanFollowUpInput }, ctx: FamilyContext) => {
      const { input } = args;
      const target = targetOf({ planId: input.planId, activityId: input.activityId });
      await mayWriteFollowUp(ctx, target);
      const caseworkers = await caseworkerFacts(ctx, input.participantIds ?? []);
      return ctx.stores.followUps.plan(target, ctx.identity.municipality, ctx.identity.userId, (facts) =>
        validatePlannedFollowUp(input, { ...facts, caseworkers }),
      );
    },

    recordFollowUp: async (_: unknown, args: { input: RecordFollowUpInput }, ctx: FamilyContext) => {
      const { input } = args;
      const target = targetOf(input);
      await mayWriteFollowUp(ctx, target);
      const caseworkers = await caseworkerFacts(ctx, input.participantIds ?? []);
      const followUp = await ctx.stores.followUps.record(
        target,
        ctx.identity.municipality,
        ctx.identity.userId,
        (facts) => validateHeldFollowUp(input, { ...facts, caseworkers }, ctx.today),
      );
      ctx.logger.info({ followUpId: followUp.id, planId: followUp.planId }, 'follow-up recorded as held');
      return followUp;
    },
  },

  FamilyPlan: {
    followUps: (plan: FamilyPlanEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.followUps.followUpsOfPlan.load(plan.id),
    nextFollowUpDue: async (plan: FamilyPlanEntity, _: unknown, ctx: FamilyContext) =>
      nextFollowUpDue(
        { startsOn: plan.startsOn, followUpCadenceWeeks: plan.followUpCadenceWeeks, ended: plan.status === 'CLOSED' },
        await heldOnOf(ctx.loaders.followUps.lastHeldOfPlan.load(plan.id)),
      ),
  },

  PlanActivity: {
    followUps: (activity: PlanActivityEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.followUps.followUpsOfActivity.load(activity.id),
    nextFollowUpDue: async (activity: PlanActivityEntity, _: unknown, ctx: FamilyContext) =>
      isFinished(activity.status)
        ? null
        : nextFollowUpDue(
            { startsOn: activity.startsOn, followUpCadenceWeeks: activity.followUpCadenceWeeks, ended: false },
            await heldOnOf(ctx.loaders.followUps.lastHeldOfActivity.load(activity.id)),
          ),
  },

  GoalStatusChange: {
    followUp: (change: GoalStatusChangeEntity, _: unknown, ctx: FamilyContext) =>
      change.followUpId ? ctx.loaders.followUps.followUp.load(change.followUpId) : null,
  },

  FollowUp: {
    plan: (f: FollowUpEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.plans.plan.load(f.planId),
    activity: (f: FollowUpEntity, _: unknown, ctx: FamilyContext) =>
      f.activityId ? ctx.loaders.planActivities.activity.load(f.activityId) : null,
    participants: async (f: FollowUpEntity, _: unknown, ctx: FamilyContext) => {
      const links = await ctx.loaders.followUps.participantsOfFollowUp.load(f.id);
      const caseworkers = await ctx.loaders.caseworker.loadMany(links.map((l) => l.caseworkerId));
      return caseworkers.filter((c): c is CaseworkerEntity => !!c && !(c instanceof Error));
    },
    goalProgress: (f: FollowUpEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.followUps.progressOfFollowUp.load(f.id),
  },

  GoalProgress: {
    goal: (p: FollowUpGoalProgressEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.plans.goal.load(p.goalId),
  },
};
