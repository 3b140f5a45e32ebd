import { evaluatorExportResolvers } from './evaluator-export/evaluator-export.resolvers';
import { GraphQLScalarType } from 'graphql';
import { DateScalar, DateTimeScalar, YearMonthScalar, mergeResolvers, withReadAudit } from '@helhed/server';
import type { FamilyContext } from './context';
import { DATA_CATEGORIES } from './data-categories';
import type { PersonEntity } from './person/person.entity';
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
import { accessLogResolvers } from './access-log/access-log.resolvers';

const JsonScalar = new GraphQLScalarType({ name: 'JSON', serialize: (value) => value, parseValue: (value) => value });

/** Each domain folder's resolvers, merged type by type (a field resolved twice fails at startup). */
const domainResolvers = mergeResolvers(
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
  accessLogResolvers,
);

/**
 * The resolvers with every read of a person's declared fields noted in the
 * request's audit trail (one row per person and category per request, aliases
 * and `_entities` included). The family subgraph's fields are still guarded by
 * their resolvers' `authorize`; the field-level team rule is adopted by
 * replacing `withReadAudit` with `withDeclaredPolicy` (see README "Access rules").
 */
export const resolvers = withReadAudit<FamilyContext>(domainResolvers as Record<string, Record<string, unknown>>, {
  categories: DATA_CATEGORIES,
  ownCategory: 'SOCIAL',
  subjects: {
    Person: (person: PersonEntity) => ({
      personId: person.id,
      familyId: person.familyId,
      municipality: person.municipalityCode,
    }),
  },
  record: (ctx, entry) => ctx.audit.record(entry),
});
