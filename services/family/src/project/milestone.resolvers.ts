import { UserInputError } from '@helhed/errors';
import type { FamilyContext } from '../context';
import { isUuid } from '../ids';
import { requireProjectManager, visibleProject } from './access';
import { changeReason } from './fields';
import type { MilestoneEntity } from './milestone.entity';
import {
  isOverdue,
  mergeMilestoneChanges,
  validateMilestone,
  type MilestoneChanges,
  type MilestoneInput,
} from './milestone';
import type { ProjectEntity } from './project.entity';

export const milestoneResolvers = {
  Mutation: {
    addMilestone: async (_: unknown, args: { input: MilestoneInput }, ctx: FamilyContext) => {
      requireProjectManager(ctx, "a project's milestones");
      const { projectId, ...values } = args.input;
      const project = await visibleProject(ctx, projectId);
      const valid = validateMilestone(values, ctx.today, { projectFound: project !== null });
      return ctx.stores.milestones.add(project!.id, valid, ctx.identity.municipality, ctx.identity.userId);
    },

    updateMilestone: async (_: unknown, args: { input: MilestoneChanges }, ctx: FamilyContext) => {
      requireProjectManager(ctx, "a project's milestones");
      const { input } = args;
      const reason = changeReason(input.reason);
      if (!isUuid(input.id))
        throw new UserInputError('input.id', 'There is no milestone with this id in your municipality');
      const updated = await ctx.stores.milestones.update(
        input.id,
        ctx.identity.municipality,
        (current) => validateMilestone(mergeMilestoneChanges(current, input), ctx.today),
        ctx.identity.userId,
        reason,
      );
      ctx.loaders.milestone.clear(updated.id).prime(updated.id, updated);
      return updated;
    },
  },

  Project: {
    milestones: (p: ProjectEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.milestonesOfProject.load(p.id),
  },

  Milestone: {
    project: (m: MilestoneEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.project.load(m.projectId),
    isOverdue: (m: MilestoneEntity, _: unknown, ctx: FamilyContext) => isOverdue(m, ctx.today),
  },
};
