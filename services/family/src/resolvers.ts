import { evaluatorExportResolvers } from './evaluator-export/evaluator-export.resolvers';
import { GraphQLScalarType } from 'graphql';
import { DateScalar, DateTimeScalar, YearMonthScalar, mergeResolvers } from '@helhed/server';
import { activityResolvers } from './activity/activity.resolvers';
import { assessmentResolvers } from './assessment/assessment.resolvers';
import { caseworkerResolvers } from './caseworker/caseworker.resolvers';
import { civilSocietyResolvers } from './civil-society/civil-society.resolvers';
import { callerAccessResolvers } from './consent/caller-access.resolvers';
import { consentResolvers } from './consent/consent.resolvers';
import { familyResolvers } from './family/family.resolvers';
import { followUpResolvers } from './follow-up/follow-up.resolvers';
import { historyResolvers } from './history/history.resolvers';
import { municipalityResolvers } from './municipality/municipality.resolvers';
import { personResolvers } from './person/person.resolvers';
import { planResolvers } from './plan/plan.resolvers';
import { enrolmentResolvers } from './project/enrolment.resolvers';
import { milestoneResolvers } from './project/milestone.resolvers';
import { projectResolvers } from './project/project.resolvers';
import { riskResolvers } from './project/risk.resolvers';
import { nationalViewResolvers } from './registration/national-view.resolvers';
import { registrationResolvers } from './registration/registration.resolvers';
import { statusReportResolvers } from './registration/status-report.resolvers';
import { teamResolvers } from './team/team.resolvers';

const JsonScalar = new GraphQLScalarType({ name: 'JSON', serialize: (value) => value, parseValue: (value) => value });

/** Each domain folder's resolvers, merged type by type (a field resolved twice fails at startup). */
export const resolvers = mergeResolvers(
  { Date: DateScalar, DateTime: DateTimeScalar, JSON: JsonScalar },
  { YearMonth: YearMonthScalar },
  municipalityResolvers,
  caseworkerResolvers,
  familyResolvers,
  personResolvers,
  historyResolvers,
  consentResolvers,
  callerAccessResolvers,
  civilSocietyResolvers,
  projectResolvers,
  enrolmentResolvers,
  milestoneResolvers,
  riskResolvers,
  teamResolvers,
  assessmentResolvers,
  planResolvers,
  activityResolvers,
  followUpResolvers,
  registrationResolvers,
  statusReportResolvers,
  nationalViewResolvers,
  evaluatorExportResolvers,
);
