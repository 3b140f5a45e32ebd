import { DateScalar, YearMonthScalar, mergeResolvers, withDeclaredPolicy } from '@helhed/server';
import type { EmploymentContext } from './context';
import { DATA_CATEGORIES } from './data-categories';
import { isUuid } from './ids';
import { evaluatorExportResolvers } from './registration/evaluator-export.resolvers';
import { benefitPeriodResolvers } from './benefit-period/benefit-period.resolvers';
import { offerResolvers } from './offer/offer.resolvers';
import { registrationResolvers } from './registration/registration.resolvers';
import { targetGroupResolvers } from './target-group/target-group.resolvers';
import { companyResolvers } from './company/company.resolvers';
import { educationResolvers } from './education/education.resolvers';
import { employmentPeriodResolvers } from './employment-period/employment-period.resolvers';
import { leisureJobResolvers } from './leisure-job/leisure-job.resolvers';
import { personMonthResolvers } from './registration/person-month.resolvers';
import { statusReportResolvers } from './registration/status-report.resolvers';
import { accessLogResolvers } from './access-log/access-log.resolvers';

/** Each domain folder's resolvers, merged type by type (a field resolved twice fails at startup). */
const domainResolvers = mergeResolvers(
  { Date: DateScalar },
  { YearMonth: YearMonthScalar },
  benefitPeriodResolvers,
  offerResolvers,
  registrationResolvers,
  targetGroupResolvers,
  companyResolvers,
  employmentPeriodResolvers,
  educationResolvers,
  leisureJobResolvers,
  personMonthResolvers,
  statusReportResolvers,
  evaluatorExportResolvers,
  accessLogResolvers,
);

/** A person's data in this subgraph, as the policy sees it: the person, in the caller's municipality (the family subgraph decides visibility). */
const personSubject = (personId: string, ctx: EmploymentContext) => ({
  personId: isUuid(personId) ? personId.toLowerCase() : null,
  familyId: null,
  municipality: ctx.identity.municipality,
});

/** A record of one person's data (a row with the person and its municipality). */
const recordSubject = (row: { personId: string; municipalityCode: string }, ctx: EmploymentContext) => ({
  ...personSubject(row.personId, ctx),
  municipality: row.municipalityCode,
});

/**
 * The resolvers under the declared policy (`data-categories.ts`, `decideRead`):
 * every declared field of every type that holds a person's data asks the team
 * and sharing rule, and an allowed read is audited. A plan activity's offers and
 * attendance are the data of every participant in it, so each must be allowed.
 * Values computed inside one of these (`EducationOutcome`, `AttendanceSummary`,
 * `MonthlyAttendance`) are reached only through a guarded field. The monthly
 * registration's types (`PersonMonth`, `EmploymentRegistration`, the report's)
 * authorise in their own resolvers (the reminder worker reads their state).
 */
export const resolvers = withDeclaredPolicy<EmploymentContext>(
  domainResolvers as Record<string, Record<string, unknown>>,
  {
    categories: DATA_CATEGORIES,
    ownCategory: 'EMPLOYMENT',
    subjects: {
      Person: (person: { id: string }, ctx) => personSubject(person.id, ctx),
      BenefitPeriod: recordSubject,
      OfferParticipation: recordSubject,
      WeeklyAttendance: recordSubject,
      EmploymentPeriod: recordSubject,
      EducationEnrolment: recordSubject,
      LeisureJob: recordSubject,
      TargetGroupAssignment: recordSubject,
      PlanActivity: async (activity: { id: string }, ctx) => {
        if (!isUuid(activity.id)) return null;
        const participations = await ctx.loaders.offers.participationsOfActivity.load(activity.id.toLowerCase());
        return participations.map((p) => recordSubject(p, ctx));
      },
    },
    access: async (ctx, personId, category) => ctx.access(personId, category),
    record: (ctx, entry) => ctx.audit.record(entry),
  },
);
