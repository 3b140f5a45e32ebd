import { toConnection, type PageArgs } from '@helhed/db';
import { ForbiddenError } from '@helhed/errors';
import { authorize } from '@helhed/identity';
import type { FamilyContext } from '../context';
import type { FamilyEntity } from '../family/family.entity';
import { visibleFamily } from '../family/family.resolvers';
import { checkedPage, dateAndUuid, visibleProject } from './access';
import {
  isCurrentEnrolment,
  mayEnrolFamilies,
  validateEnrolment,
  type EnrolmentEndInput,
  type EnrolmentInput,
} from './enrolment';
import type { ProjectEnrolmentEntity } from './project-enrolment.entity';
import type { ProjectEntity } from './project.entity';

function requireEnroller(ctx: FamilyContext): void {
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'BASIC',
    operation: 'read',
    what: "A project's families",
  });
  if (!mayEnrolFamilies(ctx.identity)) {
    throw new ForbiddenError('Only project leads, administrators and the family department enrol families in projects');
  }
}

export const enrolmentResolvers = {
  Mutation: {
    enrolFamilyInProject: async (_: unknown, args: { input: EnrolmentInput }, ctx: FamilyContext) => {
      requireEnroller(ctx);
      const { input } = args;
      const [project, family] = await Promise.all([
        visibleProject(ctx, input.projectId),
        visibleFamily(ctx, input.familyId),
      ]);
      validateEnrolment(input, { project, family });
      const enrolment = await ctx.stores.enrolments.enrol(input, ctx.identity.municipality, ctx.identity.userId);
      ctx.logger.info({ projectId: enrolment.projectId, familyId: enrolment.familyId }, 'family enrolled in project');
      return enrolment;
    },

    endProjectEnrolment: async (_: unknown, args: { input: EnrolmentEndInput }, ctx: FamilyContext) => {
      requireEnroller(ctx);
      return ctx.stores.enrolments.end(args.input, ctx.identity.municipality, ctx.identity.userId);
    },
  },

  Project: {
    families: async (p: ProjectEntity, args: PageArgs, ctx: FamilyContext) => {
      const { first, after } = checkedPage(args, dateAndUuid);
      const page = await ctx.loaders.enrolmentPage.load({
        projectId: p.id,
        first,
        after: after && { enrolledOn: after.value, id: after.id },
      });
      return toConnection(page);
    },
    enrolledCount: (p: ProjectEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.enrolledCount.load({ projectId: p.id, today: ctx.today }),
  },

  ProjectEnrolment: {
    project: (e: ProjectEnrolmentEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.project.load(e.projectId),
    family: (e: ProjectEnrolmentEntity, _: unknown, ctx: FamilyContext) => visibleFamily(ctx, e.familyId),
    reason: (e: ProjectEnrolmentEntity) => e.endReason,
    isCurrent: (e: ProjectEnrolmentEntity, _: unknown, ctx: FamilyContext) => isCurrentEnrolment(e, ctx.today),
  },

  Family: {
    projectEnrolments: (f: FamilyEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.enrolmentsOfFamily.load(f.id),
  },
};
