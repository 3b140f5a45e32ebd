import { toConnection, type PageArgs } from '@helhed/db';
import { UserInputError } from '@helhed/errors';
import type { ChangeRecordEntity } from '@helhed/history';
import type { HealthContext } from '../context';
import { isUuid } from '../ids';
import { knownPerson } from '../person/known-person';
import { auditWrite, authorizeExistence, authorizeHealth } from '../person/health-access';
import type { HealthAssessmentEntity } from './health-assessment.entity';
import {
  planHealthAssessmentRevision,
  validateHealthAssessment,
  type HealthAssessmentInput,
  type ReviseHealthAssessmentInput,
} from './health-assessment';

/**
 * Loads a health assessment of the caller's municipality; another municipality's does not exist for the caller.
 * Its fields are the declared policy's, field by field (and audited there).
 */
export async function visibleHealthAssessment(ctx: HealthContext, id: string): Promise<HealthAssessmentEntity | null> {
  authorizeExistence(ctx, 'a health assessment');
  if (!isUuid(id)) return null;
  const assessment = await ctx.loaders.healthAssessment.load(id.toLowerCase());
  return assessment && assessment.municipalityCode === ctx.identity.municipality ? assessment : null;
}

/** An assessment changed: the request's loaders read it again. */
function assessmentChanged(ctx: HealthContext, row: HealthAssessmentEntity): HealthAssessmentEntity {
  ctx.loaders.healthAssessmentsOfPerson.clear(row.personId);
  ctx.loaders.healthAssessmentPageOfPerson.clearAll();
  ctx.loaders.versionsOfAssessment.clear(row.id);
  ctx.loaders.healthAssessment.clear(row.id).prime(row.id, row);
  return row;
}

export const healthAssessmentResolvers = {
  Query: {
    healthAssessment: (_: unknown, args: { id: string }, ctx: HealthContext) => visibleHealthAssessment(ctx, args.id),
  },
  Mutation: {
    recordHealthAssessment: async (_: unknown, args: { input: HealthAssessmentInput }, ctx: HealthContext) => {
      authorizeHealth(ctx, 'write', 'health assessments');
      const valid = validateHealthAssessment(args.input, ctx.today);
      const person = await knownPerson(ctx, valid.personId);
      const assessment = await ctx.stores.healthAssessments.create(valid, {
        municipalityCode: ctx.identity.municipality,
        familyId: person.familyId,
        assessedBy: ctx.identity.userId,
      });
      auditWrite(ctx, assessment.personId, 'recordHealthAssessment', 'CREATE');
      ctx.logger.info({ healthAssessmentId: assessment.id }, 'health assessment recorded');
      return assessmentChanged(ctx, assessment);
    },
    reviseHealthAssessment: async (_: unknown, args: { input: ReviseHealthAssessmentInput }, ctx: HealthContext) => {
      authorizeHealth(ctx, 'write', 'health assessments');
      const id = args.input.assessmentId.trim().toLowerCase();
      const found = isUuid(id) ? await ctx.loaders.healthAssessment.load(id) : null;
      if (!found || found.municipalityCode !== ctx.identity.municipality) {
        throw new UserInputError(
          'input.assessmentId',
          'There is no health assessment with this id in your municipality',
        );
      }
      const revised = await ctx.stores.healthAssessments.revise(found.id, ctx.identity.userId, (current) =>
        planHealthAssessmentRevision(current, args.input, ctx.today),
      );
      auditWrite(ctx, revised.personId, 'reviseHealthAssessment', 'UPDATE');
      ctx.logger.info({ healthAssessmentId: revised.id }, 'health assessment revised');
      return assessmentChanged(ctx, revised);
    },
  },
  Person: {
    /** Persons are owned by the family subgraph; here a person is just the id the assessments hang on. */
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    /** That a person has health assessments, and when, is health data too (the existence view; audited by the policy). */
    healthAssessments: (person: { id: string }, _: unknown, ctx: HealthContext) =>
      isUuid(person.id) ? ctx.loaders.healthAssessmentsOfPerson.load(person.id.toLowerCase()) : [],
    healthAssessmentsConnection: async (person: { id: string }, args: PageArgs, ctx: HealthContext) => {
      const personId = person.id.toLowerCase();
      if (!isUuid(personId)) return toConnection({ nodes: [], hasNextPage: false, cursors: [] });
      return toConnection(await ctx.loaders.healthAssessmentPageOfPerson.load({ personId, ...args }));
    },
  },
  HealthAssessment: {
    __resolveReference: (ref: { id: string }, ctx: HealthContext) => visibleHealthAssessment(ctx, ref.id),
    // The fields by view: the declared policy (`data-categories.ts`, `person/health-view.ts`) guards each.
    history: (a: HealthAssessmentEntity, _: unknown, ctx: HealthContext) => ctx.loaders.versionsOfAssessment.load(a.id),
    person: (assessment: HealthAssessmentEntity) => ({ id: assessment.personId }),
  },
  HealthAssessmentVersion: {
    changedAt: (c: ChangeRecordEntity) => c.changedAt,
    assessedOn: (c: ChangeRecordEntity) => c.after?.assessedOn,
    physical: (c: ChangeRecordEntity) => c.after?.physical ?? null,
    mental: (c: ChangeRecordEntity) => c.after?.mental ?? null,
    substanceUse: (c: ChangeRecordEntity) => c.after?.substanceUse ?? null,
    recommendations: (c: ChangeRecordEntity) => c.after?.recommendations ?? null,
    summaryForTeam: (c: ChangeRecordEntity) => c.after?.summaryForTeam,
    findings: (c: ChangeRecordEntity) => c.after?.findings ?? [],
  },
};
