import { toConnection, type PageArgs } from '@helhed/db';
import { ForbiddenError, UserInputError } from '@helhed/errors';
import { authorize } from '@helhed/identity';
import type { FamilyContext } from '../context';
import { caseworkerById, checkedPage, dateAndUuid, requireProjectManager, visibleProject } from './access';
import { changeReason } from './fields';
import type { ProjectEntity } from './project.entity';
import { mergeProjectChanges, validateProject, type ProjectChanges, type ProjectInput } from './project';

export const projectResolvers = {
  Query: {
    projects: async (_: unknown, args: PageArgs, ctx: FamilyContext) => {
      authorize(ctx.identity, {
        municipality: ctx.identity.municipality,
        category: 'BASIC',
        operation: 'read',
        what: 'Projects',
      });
      checkedPage(args, dateAndUuid);
      return toConnection(await ctx.stores.projects.page(ctx.identity.municipality, args));
    },
    project: (_: unknown, args: { id: string }, ctx: FamilyContext) => visibleProject(ctx, args.id),
  },

  Mutation: {
    createProject: async (_: unknown, args: { input: ProjectInput }, ctx: FamilyContext) => {
      requireProjectManager(ctx, 'projects');
      const { municipality } = ctx.identity;
      const valid = validateProject(args.input, {
        municipality,
        projectLead: await caseworkerById(ctx, args.input.projectLeadId),
      });
      if (!(await ctx.loaders.municipality.load(municipality))) {
        throw new ForbiddenError(`Municipality ${municipality} is not registered in Helhed`);
      }
      const project = await ctx.stores.projects.create(valid, municipality, ctx.identity.userId);
      ctx.logger.info({ projectId: project.id }, 'project created');
      return project;
    },

    updateProject: async (_: unknown, args: { input: ProjectChanges }, ctx: FamilyContext) => {
      requireProjectManager(ctx, 'projects');
      const { input } = args;
      const { municipality } = ctx.identity;
      const reason = changeReason(input.reason);
      const seen = await visibleProject(ctx, input.id);
      if (!seen) throw new UserInputError('input.id', 'There is no project with this id in your municipality');
      const leadId = input.projectLeadId ?? seen.projectLeadId;
      const lead = await caseworkerById(ctx, leadId);
      const updated = await ctx.stores.projects.update(
        seen.id,
        municipality,
        (current) => {
          const merged = mergeProjectChanges(current, input);
          // Another lead than the one looked up can only be the current one, set (and checked) meanwhile.
          const projectLead = merged.projectLeadId === leadId ? lead : { municipalityCode: municipality };
          return validateProject(merged, { municipality, projectLead });
        },
        ctx.identity.userId,
        reason,
      );
      ctx.loaders.project.clear(updated.id).prime(updated.id, updated);
      return updated;
    },
  },

  Project: {
    __resolveReference: (ref: { id: string }, ctx: FamilyContext) => visibleProject(ctx, ref.id),
    municipality: (p: ProjectEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.municipality.load(p.municipalityCode),
    projectLead: (p: ProjectEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.caseworker.load(p.projectLeadId),
    history: async (p: ProjectEntity, args: PageArgs, ctx: FamilyContext) => {
      checkedPage(args, (value, id) => /^\d+$/.test(value) && value === id);
      const [milestones, risks] = await Promise.all([
        ctx.loaders.milestonesOfProject.load(p.id),
        ctx.loaders.risksOfProject.load(p.id),
      ]);
      const page = await ctx.stores.history.ofEntities(
        p.municipalityCode,
        [
          { entity: 'Project', ids: [p.id] },
          { entity: 'Milestone', ids: milestones.map((m) => m.id) },
          { entity: 'Risk', ids: risks.map((r) => r.id) },
        ],
        args,
      );
      return toConnection(page);
    },
  },
};
