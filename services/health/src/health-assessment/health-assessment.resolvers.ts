import type { GraphQLResolveInfo } from 'graphql';
import { fieldPathOf } from '@helhed/audit';
import { authorize } from '@helhed/identity';
import type { HealthContext } from '../context';
import { isUuid } from '../ids';
import type { HealthAssessmentEntity } from './health-assessment.entity';
import { validateHealthAssessment, type HealthAssessmentInput } from './health-assessment';

/**
 * The one authorisation point for reading health assessments: the caller's own
 * municipality, and (by authorize's rule for HEALTH) the health department only.
 * It is passed before anything is loaded, so other departments learn nothing.
 */
function authorizeRead(ctx: HealthContext, what: string): void {
  authorize(ctx.identity, { municipality: ctx.identity.municipality, category: 'HEALTH', operation: 'read', what });
}

/** Loads a health assessment of the caller's municipality; another municipality's does not exist for the caller. */
export async function visibleHealthAssessment(
  ctx: HealthContext,
  id: string,
  info: GraphQLResolveInfo,
): Promise<HealthAssessmentEntity | null> {
  authorizeRead(ctx, 'a health assessment');
  if (!isUuid(id)) return null;
  const assessment = await ctx.loaders.healthAssessment.load(id.toLowerCase());
  if (!assessment || assessment.municipalityCode !== ctx.identity.municipality) return null;
  ctx.audit.record({
    personId: assessment.personId,
    category: 'HEALTH',
    fieldPath: fieldPathOf(info.path),
    operation: 'READ',
  });
  return assessment;
}

export const healthAssessmentResolvers = {
  Query: {
    healthAssessment: (_: unknown, args: { id: string }, ctx: HealthContext, info: GraphQLResolveInfo) =>
      visibleHealthAssessment(ctx, args.id, info),
  },
  Mutation: {
    recordHealthAssessment: async (_: unknown, args: { input: HealthAssessmentInput }, ctx: HealthContext) => {
      const municipality = ctx.identity.municipality;
      authorize(ctx.identity, { municipality, category: 'HEALTH', operation: 'write', what: 'health assessments' });
      const valid = validateHealthAssessment(args.input, ctx.today);
      const assessment = await ctx.stores.healthAssessments.create(valid, municipality, ctx.identity.userId);
      ctx.audit.record({
        personId: assessment.personId,
        category: 'HEALTH',
        fieldPath: 'recordHealthAssessment',
        operation: 'CREATE',
      });
      ctx.logger.info({ healthAssessmentId: assessment.id }, 'health assessment recorded');
      return assessment;
    },
  },
  Person: {
    /** Persons are owned by the family subgraph; here a person is just the id the assessments hang on. */
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    healthAssessments: (person: { id: string }, _: unknown, ctx: HealthContext, info: GraphQLResolveInfo) => {
      authorizeRead(ctx, "a person's health assessments");
      if (!isUuid(person.id)) return [];
      // Recorded only once the authorisation point said yes: a refused read leaves no row.
      ctx.audit.record({
        personId: person.id.toLowerCase(),
        category: 'HEALTH',
        fieldPath: fieldPathOf(info.path),
        operation: 'READ',
      });
      return ctx.loaders.healthAssessmentsOfPerson.load(person.id.toLowerCase());
    },
  },
  HealthAssessment: {
    __resolveReference: (ref: { id: string }, ctx: HealthContext, info: GraphQLResolveInfo) =>
      visibleHealthAssessment(ctx, ref.id, info),
    person: (assessment: HealthAssessmentEntity) => ({ id: assessment.personId }),
  },
};
