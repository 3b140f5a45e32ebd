import { evaluatorExportResolvers } from './health-indicator/evaluator-export.resolvers';
import { DateScalar, DateTimeScalar, YearMonthScalar, mergeResolvers } from '@helhed/server';
import { healthAssessmentResolvers } from './health-assessment/health-assessment.resolvers';
import { healthIndicatorResolvers } from './health-indicator/health-indicators.resolvers';
import { referralResolvers } from './referral/referral.resolvers';
import { treatmentResolvers } from './treatment/treatment.resolvers';
import { personMonthResolvers } from './health-indicator/person-month.resolvers';
import { statusReportResolvers } from './health-indicator/status-report.resolvers';
import { accessLogResolvers } from './access-log/access-log.resolvers';

/** Each domain folder's resolvers, merged type by type (a field resolved twice fails at startup). */
export const resolvers = mergeResolvers(
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
