import { UserInputError } from '@helhed/errors';
import { authorize, type DataCategory, type Department } from '@helhed/identity';
import { caseworkerFacts } from '../assessment/assessment.resolvers';
import type { FamilyContext } from '../context';
import { visibleFamily } from '../family/family.resolvers';
import { isUuid } from '../ids';
import type { PersonEntity } from '../person/person.entity';
import type { FamilyPlanEntity, PlanGoalEntity } from '../plan/plan.entity';
import {
  validateActivityUpdate,
  validateNewActivity,
  validateStatusChange,
  type AddPlanActivityInput,
  type ChangeActivityStatusInput,
  type UpdatePlanActivityInput,
} from './plan-activity';
import type { PlanActivityEntity, SectorPlanKind } from './plan-activity.entity';

/** An activity the caller may see: of their municipality and of a family they may see. */
export async function visibleActivity(ctx: FamilyContext, id: string): Promise<PlanActivityEntity | null> {
  if (!isUuid(id)) return null;
  const activity = await ctx.loaders.planActivities.activity.load(id);
  if (!activity || activity.municipalityCode !== ctx.identity.municipality) return null;
  return (await visibleFamily(ctx, activity.familyId)) ? activity : null;
}

/** The data category each department owns, for the department's own activities. */
const OWN_CATEGORY: Record<Department, DataCategory> = {
  FAMILY: 'SOCIAL',
  JOBCENTER: 'EMPLOYMENT',
  HEALTH: 'HEALTH',
  ECONOMY: 'ECONOMY',
};

/**
 * A department writes its own activities; the family department (which hosts the
 * plan) writes any. For another department's activity the request is one for the
 * plan's basic data, which only the family department may change.
 */
export function mayWriteActivity(ctx: FamilyContext, department: Department): void {
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: ctx.identity.department === department ? OWN_CATEGORY[department] : 'BASIC',
    operation: 'write',
    what: `${department} activities of the plan`,
  });
}

/** The activity an input names, for the authorisation check before the write (the write re-reads it locked). */
async function namedActivity(ctx: FamilyContext, id: string): Promise<PlanActivityEntity> {
  const activity = await visibleActivity(ctx, id);
  if (!activity) throw new UserInputError('input.activityId', 'There is no activity with this id in your municipality');
  return activity;
}

const membersOf = async (ctx: FamilyContext, activity: PlanActivityEntity) => {
  const links = await ctx.loaders.planActivities.membersOfActivity.load(activity.id);
  const people = await ctx.loaders.person.loadMany(links.map((l) => l.personId));
  return people.filter((p): p is PersonEntity => !!p && !(p instanceof Error));
};

export const activityResolvers = {
  Query: {
    planActivity: (_: unknown, args: { id: string }, ctx: FamilyContext) => visibleActivity(ctx, args.id),
  },

  Mutation: {
    addPlanActivity: async (_: unknown, args: { input: AddPlanActivityInput }, ctx: FamilyContext) => {
      const { input } = args;
      mayWriteActivity(ctx, input.department);
      const caseworkers = await caseworkerFacts(ctx, [input.responsibleCaseworkerId]);
      const activity = await ctx.stores.planActivities.add(
        { planId: input.planId, municipalityCode: ctx.identity.municipality },
        ctx.identity.userId,
        (facts) => validateNewActivity(input, { ...facts, caseworkers }),
      );
      ctx.logger.info({ activityId: activity.id, planId: activity.planId }, 'plan activity added');
      return activity;
    },

    updatePlanActivity: async (_: unknown, args: { input: UpdatePlanActivityInput }, ctx: FamilyContext) => {
      const { input } = args;
      const existing = await namedActivity(ctx, input.activityId);
      mayWriteActivity(ctx, existing.department);
      if (input.department) mayWriteActivity(ctx, input.department);
      const caseworkers = await caseworkerFacts(ctx, [
        input.responsibleCaseworkerId ?? existing.responsibleCaseworkerId,
      ]);
      return ctx.stores.planActivities.update(
        { activityId: input.activityId, municipalityCode: ctx.identity.municipality },
        ctx.identity.userId,
        (current, facts) => validateActivityUpdate(input, current, { ...facts, caseworkers }),
      );
    },

    changeActivityStatus: async (_: unknown, args: { input: ChangeActivityStatusInput }, ctx: FamilyContext) => {
      const { input } = args;
      const existing = await namedActivity(ctx, input.activityId);
      mayWriteActivity(ctx, existing.department);
      return ctx.stores.planActivities.changeStatus(
        { activityId: input.activityId, municipalityCode: ctx.identity.municipality },
        ctx.identity.userId,
        (current) => validateStatusChange(input, current, ctx.today),
      );
    },
  },

  FamilyPlan: {
    activities: (plan: FamilyPlanEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.planActivities.activitiesOfPlan.load(plan.id),
  },

  PlanGoal: {
    activities: (goal: PlanGoalEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.planActivities.activitiesOfGoal.load(goal.id),
  },

  Person: {
    sectorPlan: async (person: PersonEntity, args: { kind: SectorPlanKind }, ctx: FamilyContext) => {
      authorize(ctx.identity, {
        municipality: person.municipalityCode,
        category: 'BASIC',
        operation: 'read',
        what: "A member's sector plan",
      });
      const view = { kind: args.kind, person, plan: null, activities: [], goals: [] };
      const plan = await ctx.loaders.plans.openPlanOfFamily.load(person.familyId);
      if (!plan) return view;
      const ofKind = (await ctx.loaders.planActivities.activitiesOfPlan.load(plan.id)).filter(
        (a) => a.sectorPlanKind === args.kind,
      );
      const links = await ctx.loaders.planActivities.membersOfActivity.loadMany(ofKind.map((a) => a.id));
      const activities = ofKind.filter((_a, i) => {
        const members = links[i];
        return Array.isArray(members) && members.some((m) => m.personId === person.id);
      });
      const goalIds = [...new Set(activities.map((a) => a.goalId).filter((id): id is string => !!id))];
      const goals = await ctx.loaders.plans.goal.loadMany(goalIds);
      return { ...view, plan, activities, goals: goals.filter((g) => !!g && !(g instanceof Error)) };
    },
  },

  PlanActivity: {
    __resolveReference: (ref: { id: string }, ctx: FamilyContext) => visibleActivity(ctx, ref.id),
    plan: (a: PlanActivityEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.plans.plan.load(a.planId),
    family: (a: PlanActivityEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.family.load(a.familyId),
    members: (a: PlanActivityEntity, _: unknown, ctx: FamilyContext) => membersOf(ctx, a),
    goal: (a: PlanActivityEntity, _: unknown, ctx: FamilyContext) =>
      a.goalId ? ctx.loaders.plans.goal.load(a.goalId) : null,
    responsibleCaseworker: (a: PlanActivityEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.caseworker.load(a.responsibleCaseworkerId),
    changes: (a: PlanActivityEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.planActivities.changesOfActivity.load(a.id),
  },
};
