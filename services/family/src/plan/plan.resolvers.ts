import { authorize } from '@helhed/identity';
import type { FamilyContext } from '../context';
import type { FamilyEntity } from '../family/family.entity';
import { visibleFamily } from '../family/family.resolvers';
import { isUuid } from '../ids';
import {
  validateClose,
  validateGoalStatus,
  validateNewPlan,
  validateRevision,
  type CloseFamilyPlanInput,
  type CreateFamilyPlanInput,
  type ReviseFamilyPlanInput,
  type UpdateGoalStatusInput,
} from './family-plan';
import type {
  FamilyPlanEntity,
  FamilyPlanVersionEntity,
  GoalStatusChangeEntity,
  PlanGoalEntity,
  PlanGoalVersionEntity,
} from './plan.entity';
import { versionKey } from './plan-store';

/**
 * A plan the caller may see: of their municipality, and of a family they may see
 * (the family's visibility rules decide). Another municipality's plan does not exist for the caller.
 */
export async function visiblePlan(ctx: FamilyContext, id: string): Promise<FamilyPlanEntity | null> {
  if (!isUuid(id)) return null;
  const plan = await ctx.loaders.plans.plan.load(id);
  if (!plan || plan.municipalityCode !== ctx.identity.municipality) return null;
  return (await visibleFamily(ctx, plan.familyId)) ? plan : null;
}

/** The family department writes the plan (the plan is hosted there). */
const mayWritePlan = (ctx: FamilyContext) =>
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'BASIC',
    operation: 'write',
    what: 'the family plan',
  });

const assessmentOf = (ctx: FamilyContext, id: string | null) =>
  id ? ctx.loaders.assessments.assessment.load(id) : null;

export const planResolvers = {
  Query: {
    familyPlan: (_: unknown, args: { id: string }, ctx: FamilyContext) => visiblePlan(ctx, args.id),
  },

  Mutation: {
    createFamilyPlan: async (_: unknown, args: { input: CreateFamilyPlanInput }, ctx: FamilyContext) => {
      mayWritePlan(ctx);
      const { input } = args;
      const plan = await ctx.stores.plans.create(
        {
          familyId: input.familyId,
          municipalityCode: ctx.identity.municipality,
          basedOnAssessmentId: input.basedOnAssessmentId,
        },
        ctx.identity.userId,
        (facts) => validateNewPlan(input, facts),
      );
      ctx.logger.info({ planId: plan.id, familyId: plan.familyId }, 'family plan created');
      return plan;
    },

    reviseFamilyPlan: async (_: unknown, args: { input: ReviseFamilyPlanInput }, ctx: FamilyContext) => {
      mayWritePlan(ctx);
      const { input } = args;
      const plan = await ctx.stores.plans.revise(
        {
          planId: input.planId,
          municipalityCode: ctx.identity.municipality,
          basedOnAssessmentId: input.basedOnAssessmentId,
        },
        ctx.identity.userId,
        (facts) => validateRevision(input, facts),
      );
      ctx.logger.info({ planId: plan.id, version: plan.version }, 'family plan revised');
      return plan;
    },

    closeFamilyPlan: async (_: unknown, args: { input: CloseFamilyPlanInput }, ctx: FamilyContext) => {
      mayWritePlan(ctx);
      const { input } = args;
      return ctx.stores.plans.close(
        { planId: input.planId, municipalityCode: ctx.identity.municipality },
        ctx.identity.userId,
        (facts) => validateClose(input, facts, ctx.today),
      );
    },

    updateGoalStatus: async (_: unknown, args: { input: UpdateGoalStatusInput }, ctx: FamilyContext) => {
      mayWritePlan(ctx);
      const { input } = args;
      return ctx.stores.plans.changeGoalStatus(
        { goalId: input.goalId, municipalityCode: ctx.identity.municipality, today: ctx.today },
        ctx.identity.userId,
        (facts) => validateGoalStatus(input, facts),
      );
    },
  },

  Family: {
    plan: (family: FamilyEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.plans.openPlanOfFamily.load(family.id),
    plans: (family: FamilyEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.plans.plansOfFamily.load(family.id),
  },

  FamilyPlan: {
    __resolveReference: (ref: { id: string }, ctx: FamilyContext) => visiblePlan(ctx, ref.id),
    family: (plan: FamilyPlanEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.family.load(plan.familyId),
    basedOnAssessment: (plan: FamilyPlanEntity, _: unknown, ctx: FamilyContext) =>
      assessmentOf(ctx, plan.basedOnAssessmentId),
    phases: (plan: FamilyPlanEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.plans.phasesOfVersion.load(versionKey(plan.id, plan.version)),
    goals: (plan: FamilyPlanEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.plans.currentGoalsOfPlan.load(plan.id),
    versions: (plan: FamilyPlanEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.plans.versionsOfPlan.load(plan.id),
  },

  FamilyPlanVersion: {
    basedOnAssessment: (v: FamilyPlanVersionEntity, _: unknown, ctx: FamilyContext) =>
      assessmentOf(ctx, v.basedOnAssessmentId),
    phases: (v: FamilyPlanVersionEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.plans.phasesOfVersion.load(versionKey(v.planId, v.version)),
    goals: (v: FamilyPlanVersionEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.plans.goalVersionsOfVersion.load(versionKey(v.planId, v.version)),
  },

  PlannedGoal: {
    goal: (g: PlanGoalVersionEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.plans.goal.load(g.goalId),
    member: (g: PlanGoalVersionEntity, _: unknown, ctx: FamilyContext) =>
      g.memberId ? ctx.loaders.person.load(g.memberId) : null,
  },

  PlanGoal: {
    plan: (g: PlanGoalEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.plans.plan.load(g.planId),
    member: (g: PlanGoalEntity, _: unknown, ctx: FamilyContext) =>
      g.memberId ? ctx.loaders.person.load(g.memberId) : null,
    statusChanges: (g: PlanGoalEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.plans.statusChangesOfGoal.load(g.id),
  },

  GoalStatusChange: {
    from: (c: GoalStatusChangeEntity) => c.fromStatus,
    to: (c: GoalStatusChangeEntity) => c.toStatus,
    changedAt: (c: GoalStatusChangeEntity) => c.createdAt,
    changedBy: (c: GoalStatusChangeEntity) => c.createdBy,
  },
};
