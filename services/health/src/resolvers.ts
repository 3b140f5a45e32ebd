import { evaluatorExportResolvers } from './health-indicator/evaluator-export.resolvers';
import { DateScalar, DateTimeScalar, YearMonthScalar, mergeResolvers, withDeclaredPolicy } from '@helhed/server';
import type { HealthContext } from './context';
import { DATA_CATEGORIES } from './data-categories';
import { isUuid } from './ids';
import { narrowToView } from './person/health-view';
import { healthAssessmentResolvers } from './health-assessment/health-assessment.resolvers';
import { healthIndicatorResolvers } from './health-indicator/health-indicators.resolvers';
import { referralResolvers } from './referral/referral.resolvers';
import { treatmentResolvers } from './treatment/treatment.resolvers';
import { personMonthResolvers } from './health-indicator/person-month.resolvers';
import { statusReportResolvers } from './health-indicator/status-report.resolvers';
import { accessLogResolvers } from './access-log/access-log.resolvers';

/** Each domain folder's resolvers, merged type by type (a field resolved twice fails at startup). */
const domainResolvers = mergeResolvers(
  { Date: DateScalar, YearMonth: YearMonthScalar, DateTime: DateTimeScalar },
  healthAssessmentResolvers,
  referralResolvers,
  healthIndicatorResolvers,
  treatmentResolvers,
  personMonthResolvers,
  statusReportResolvers,
  evaluatorExportResolvers,
  accessLogResolvers,
);

/** A person's health data, as the policy sees it: the person, in the caller's municipality (the family subgraph decides visibility). */
const personSubject = (personId: string, ctx: HealthContext) => ({
  personId: isUuid(personId) ? personId.toLowerCase() : null,
  familyId: null,
  municipality: ctx.identity.municipality,
});

/** A record of one person's health data (a row with the person and its municipality). */
const recordSubject = (row: { personId: string; municipalityCode: string }, ctx: HealthContext) => ({
  ...personSubject(row.personId, ctx),
  municipality: row.municipalityCode,
});

/**
 * The resolvers under the declared policy (`data-categories.ts`, `decideRead`),
 * narrowed to the caller's view of health data (`person/health-view.ts`): every
 * declared field of a person, an assessment, a referral, a treatment and the
 * health indicators asks the team and sharing rule, a field outside the view
 * answers null with FORBIDDEN, and an allowed read is audited (HEALTH).
 * `HealthFinding` and `HealthAssessmentVersion` are reached only through the
 * clinical `findings` and `history`; the monthly registration's state
 * (`PersonMonth`, the status report) authorises in its own resolvers.
 */
export const resolvers = withDeclaredPolicy<HealthContext>(domainResolvers as Record<string, Record<string, unknown>>, {
  categories: DATA_CATEGORIES,
  ownCategory: 'HEALTH',
  subjects: {
    Person: (person: { id: string }, ctx) => personSubject(person.id, ctx),
    HealthAssessment: recordSubject,
    Referral: recordSubject,
    TreatmentDetails: recordSubject,
    HealthIndicators: recordSubject,
    PlanActivity: async (activity: { id: string }, ctx) => {
      if (!isUuid(activity.id)) return null;
      const treatment = await ctx.loaders.treatmentOfActivity.load(activity.id.toLowerCase());
      return treatment ? recordSubject(treatment, ctx) : null;
    },
  },
  access: (ctx, personId, category) => ctx.access(personId, category),
  record: (ctx, entry) => ctx.audit.record(entry),
  narrow: (_ctx, read) => narrowToView(read),
});
