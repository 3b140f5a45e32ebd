import type { GraphQLResolveInfo } from 'graphql';
import { toConnection, type PageArgs } from '@helhed/db';
import { UserInputError } from '@helhed/errors';
import type { ChangeRecordEntity } from '@helhed/history';
import type { HealthContext } from '../context';
import { isUuid } from '../ids';
import { knownPerson } from '../person/known-person';
import { auditRead, auditWrite, authorizeExistence, authorizeHealth, readHealthField } from '../person/health-access';
import type { HealthView } from '../person/health-view';
import type { HealthAssessmentEntity } from './health-assessment.entity';
import {
  planHealthAssessmentRevision,
  validateHealthAssessment,
  type HealthAssessmentInput,
  type ReviseHealthAssessmentInput,
} from './health-assessment';

/**
 * Loads a health assessment of the caller's municipality; another municipality's does not exist for the caller.
 * Its existence and date are every view's (audited as a read); its other fields ask the view field by field.
 */
export async function visibleHealthAssessment(
  ctx: HealthContext,
  id: string,
  info: GraphQLResolveInfo,
): Promise<HealthAssessmentEntity | null> {
  authorizeExistence(ctx, 'a health assessment');
  if (!isUuid(id)) return null;
  const assessment = await ctx.loaders.healthAssessment.load(id.toLowerCase());
  if (!assessment || assessment.municipalityCode !== ctx.identity.municipality) return null;
  auditRead(ctx, assessment.personId, info);
  return assessment;
}

/** A field of an assessment shown only in `view` and wider: refused (FORBIDDEN, not audited) or read (audited). */
const shownIn =
  <T>(view: HealthView, what: string, value: (a: HealthAssessmentEntity, ctx: HealthContext) => T) =>
  async (a: HealthAssessmentEntity, _: unknown, ctx: HealthContext, info: GraphQLResolveInfo): Promise<T> => {
    await readHealthField(ctx, a.personId, view, what, info);
    return value(a, ctx);
  };

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
    healthAssessment: (_: unknown, args: { id: string }, ctx: HealthContext, info: GraphQLResolveInfo) =>
      visibleHealthAssessment(ctx, args.id, info),
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
    /** That a person has health assessments, and when, is health data too: every view reads it, and it is audited. */
    healthAssessments: (person: { id: string }, _: unknown, ctx: HealthContext, info: GraphQLResolveInfo) => {
      authorizeExistence(ctx, "a person's health assessments");
      if (!isUuid(person.id)) return [];
      // Recorded only once the authorisation point said yes: a refused read leaves no row.
      auditRead(ctx, person.id.toLowerCase(), info);
      return ctx.loaders.healthAssessmentsOfPerson.load(person.id.toLowerCase());
    },
    healthAssessmentsConnection: async (
      person: { id: string },
      args: PageArgs,
      ctx: HealthContext,
      info: GraphQLResolveInfo,
    ) => {
      authorizeExistence(ctx, "a person's health assessments");
      const personId = person.id.toLowerCase();
      if (!isUuid(personId)) return toConnection({ nodes: [], hasNextPage: false, cursors: [] });
      auditRead(ctx, personId, info);
      return toConnection(await ctx.loaders.healthAssessmentPageOfPerson.load({ personId, ...args }));
    },
  },
  HealthAssessment: {
    __resolveReference: (ref: { id: string }, ctx: HealthContext, info: GraphQLResolveInfo) =>
      visibleHealthAssessment(ctx, ref.id, info),
    assessedBy: shownIn('TEAM_SUMMARY', "a health assessment's coordinator", (a) => a.assessedBy),
    summaryForTeam: shownIn('TEAM_SUMMARY', "a health assessment's summary for the team", (a) => a.summaryForTeam),
    physical: shownIn('CLINICAL', 'physical health findings', (a) => a.physical),
    mental: shownIn('CLINICAL', 'mental health findings', (a) => a.mental),
    substanceUse: shownIn('CLINICAL', 'substance use findings', (a) => a.substanceUse),
    recommendations: shownIn('CLINICAL', "a health assessment's recommendations", (a) => a.recommendations),
    findings: shownIn('CLINICAL', 'findings per area', (a) => a.findings),
    revisedAt: shownIn('CLINICAL', "a health assessment's revision", (a) => a.revisedAt),
    history: shownIn('CLINICAL', "a health assessment's history", (a, ctx) =>
      ctx.loaders.versionsOfAssessment.load(a.id),
    ),
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
