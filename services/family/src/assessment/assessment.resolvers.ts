import { authorize } from '@helhed/identity';
import type { FamilyContext } from '../context';
import type { FamilyEntity } from '../family/family.entity';
import { visibleFamily } from '../family/family.resolvers';
import { isUuid } from '../ids';
import {
  validateAssessmentRevision,
  validateNewAssessment,
  type CaseworkerFact,
  type RecordAssessmentInput,
  type ReviseAssessmentInput,
} from './assessment';
import {
  ASSESSMENT_DOMAINS,
  type AssessmentFindingEntity,
  type AssessmentParticipantEntity,
  type AssessmentVersionEntity,
} from './assessment.entity';

/** An assessment the caller may see (of a family they may see); its current version. */
export async function visibleAssessment(ctx: FamilyContext, id: string): Promise<AssessmentVersionEntity | null> {
  if (!isUuid(id)) return null;
  const current = await ctx.loaders.assessments.assessment.load(id);
  if (!current || current.municipalityCode !== ctx.identity.municipality) return null;
  authorize(ctx.identity, {
    municipality: current.municipalityCode,
    category: 'SOCIAL',
    operation: 'read',
    what: 'An assessment',
  });
  return (await visibleFamily(ctx, current.familyId)) ? current : null;
}

/** The caseworkers an input names, loaded together (one statement). */
export async function caseworkerFacts(
  ctx: FamilyContext,
  ids: readonly string[],
): Promise<Map<string, CaseworkerFact>> {
  const wanted = [...new Set(ids.filter(isUuid))];
  const rows = await ctx.loaders.caseworker.loadMany(wanted);
  return new Map(
    wanted.map((id, i) => {
      const row = rows[i];
      return [
        id,
        row && !(row instanceof Error) ? { municipalityCode: row.municipalityCode, department: row.department } : null,
      ];
    }),
  );
}

const mayWrite = (ctx: FamilyContext) =>
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'SOCIAL',
    operation: 'write',
    what: 'assessments',
  });

const byDomain = (findings: AssessmentFindingEntity[]) =>
  [...findings].sort((a, b) => ASSESSMENT_DOMAINS.indexOf(a.domain) - ASSESSMENT_DOMAINS.indexOf(b.domain));

const versionFields = {
  participants: (v: AssessmentVersionEntity, _: unknown, ctx: FamilyContext) =>
    ctx.loaders.assessments.participantsOfVersion.load(v.id),
  domains: async (v: AssessmentVersionEntity, _: unknown, ctx: FamilyContext) =>
    byDomain(await ctx.loaders.assessments.findingsOfVersion.load(v.id)),
  recordedAt: (v: AssessmentVersionEntity) => v.createdAt,
  recordedBy: (v: AssessmentVersionEntity) => v.createdBy,
};

export const assessmentResolvers = {
  Query: {
    assessment: (_: unknown, args: { id: string }, ctx: FamilyContext) => visibleAssessment(ctx, args.id),
  },

  Mutation: {
    recordAssessment: async (_: unknown, args: { input: RecordAssessmentInput }, ctx: FamilyContext) => {
      mayWrite(ctx);
      const { input } = args;
      const caseworkers = await caseworkerFacts(ctx, input.participantIds);
      const municipalityCode = ctx.identity.municipality;
      return ctx.stores.assessments.record(
        { familyId: input.familyId, municipalityCode },
        ctx.identity.userId,
        (facts) => validateNewAssessment(input, { ...facts, municipalityCode, caseworkers }, ctx.today),
      );
    },

    reviseAssessment: async (_: unknown, args: { input: ReviseAssessmentInput }, ctx: FamilyContext) => {
      mayWrite(ctx);
      const { input } = args;
      const caseworkers = await caseworkerFacts(ctx, input.participantIds ?? []);
      const municipalityCode = ctx.identity.municipality;
      return ctx.stores.assessments.revise(
        { assessmentId: input.assessmentId, municipalityCode },
        ctx.identity.userId,
        (current) => validateAssessmentRevision(input, current, { municipalityCode, caseworkers }, ctx.today),
      );
    },
  },

  Family: {
    assessments: (family: FamilyEntity, _: unknown, ctx: FamilyContext) => {
      authorize(ctx.identity, {
        municipality: family.municipalityCode,
        category: 'SOCIAL',
        operation: 'read',
        what: 'Assessments',
      });
      return ctx.loaders.assessments.assessmentsOfFamily.load(family.id);
    },
  },

  Assessment: {
    id: (v: AssessmentVersionEntity) => v.assessmentId,
    family: (v: AssessmentVersionEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.family.load(v.familyId),
    versions: (v: AssessmentVersionEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.assessments.versionsOfAssessment.load(v.assessmentId),
    ...versionFields,
  },

  AssessmentVersion: versionFields,

  AssessmentParticipant: {
    caseworker: (p: AssessmentParticipantEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.caseworker.load(p.caseworkerId),
  },
};
