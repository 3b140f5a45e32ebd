import { evaluatorExportResolvers } from './registration/evaluator-export.resolvers';
import { DateScalar, YearMonthScalar, mergeResolvers } from '@helhed/server';
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

/** Each domain folder's resolvers, merged type by type (a field resolved twice fails at startup). */
export const resolvers = mergeResolvers(
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
);
