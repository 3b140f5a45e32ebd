import { UserInputError } from '@helhed/errors';
import type { FamilyContext } from '../context';
import { isUuid } from '../ids';
import { caseworkerById, requireProjectManager, visibleProject } from './access';
import { changeReason } from './fields';
import type { ProjectEntity } from './project.entity';
import type { RiskEntity, RiskStatus } from './risk.entity';
import { mergeRiskChanges, riskScore, validateRisk, type RiskChanges, type RiskInput } from './risk';

export const riskResolvers = {
  Mutation: {
    addRisk: async (_: unknown, args: { input: RiskInput }, ctx: FamilyContext) => {
      requireProjectManager(ctx, "a project's risks");
      const { projectId, ...values } = args.input;
      const { municipality } = ctx.identity;
      const [project, owner] = await Promise.all([visibleProject(ctx, projectId), caseworkerById(ctx, values.ownerId)]);
      const valid = validateRisk(values, { municipality, owner, projectFound: project !== null });
      return ctx.stores.risks.add(project!.id, valid, municipality, ctx.identity.userId);
    },

    updateRisk: async (_: unknown, args: { input: RiskChanges }, ctx: FamilyContext) => {
      requireProjectManager(ctx, "a project's risks");
      const { input } = args;
      const { municipality } = ctx.identity;
      const reason = changeReason(input.reason);
      const seen = isUuid(input.id) ? await ctx.loaders.risk.load(input.id) : null;
      if (!seen || seen.municipalityCode !== municipality) {
        throw new UserInputError('input.id', 'There is no risk with this id in your municipality');
      }
      const ownerId = input.ownerId ?? seen.ownerId;
      const owner = await caseworkerById(ctx, ownerId);
      const updated = await ctx.stores.risks.update(
        seen.id,
        municipality,
        (current) => {
          const merged = mergeRiskChanges(current, input);
          // Another owner than the one looked up can only be the current one, set (and checked) meanwhile.
          return validateRisk(merged, {
            municipality,
            owner: merged.ownerId === ownerId ? owner : { municipalityCode: municipality },
          });
        },
        ctx.identity.userId,
        reason,
      );
      ctx.loaders.risk.clear(updated.id).prime(updated.id, updated);
      return updated;
    },
  },

  Project: {
    risks: async (p: ProjectEntity, args: { status?: RiskStatus | null }, ctx: FamilyContext) => {
      const risks = await ctx.loaders.risksOfProject.load(p.id);
      return args.status ? risks.filter((r) => r.status === args.status) : risks;
    },
  },

  Risk: {
    project: (r: RiskEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.project.load(r.projectId),
    score: (r: RiskEntity) => riskScore(r),
    owner: (r: RiskEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.caseworker.load(r.ownerId),
  },
};
