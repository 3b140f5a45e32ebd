import { evaluatorExportResolvers } from './evaluator-export/evaluator-export.resolvers';
import { GraphQLScalarType } from 'graphql';
import { ForbiddenError } from '@helhed/errors';
import { DateScalar, DateTimeScalar, YearMonthScalar, mergeResolvers, withDeclaredPolicy } from '@helhed/server';
import type { FamilyContext } from './context';
import { DATA_CATEGORIES } from './data-categories';
import { EXISTENCE_ONLY, EXISTENCE_FIELDS } from './family/existence';
import type { PersonEntity } from './person/person.entity';
import { callerFacts, decideFamilyRead, type FamilySubject } from './team/caller-facts';
import { withTeamGate } from './team/team-gate';
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
import { directoryResolvers } from './person/directory.resolvers';
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
  directoryResolvers,
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

/** Whose data an object is that carries its family (and, when it is one person's, the person). */
const ofFamily = (x: { familyId?: string; personId?: string; municipalityCode: string }): FamilySubject => ({
  personId: x.personId ?? null,
  familyId: x.familyId ?? null,
  municipality: x.municipalityCode,
});

/**
 * The guarded types: every type that holds a person's or a family's data and
 * carries whose it is. Value types below them (findings, phases, scores, …)
 * are reached only through a guarded field of these.
 */
const SUBJECTS = {
  Family: (f: { id: string; municipalityCode: string }): FamilySubject => ({
    personId: null,
    familyId: f.id,
    municipality: f.municipalityCode,
  }),
  Person: (p: PersonEntity, ctx: FamilyContext): FamilySubject => {
    // The policy's facts start from the person: a member read through a list costs no statement more.
    ctx.loaders.person.prime(p.id, p);
    return { personId: p.id, familyId: p.familyId, municipality: p.municipalityCode };
  },
  FamilyPlan: ofFamily,
  FamilyPlanVersion: ofFamily,
  PlanGoal: ofFamily,
  GoalStatusChange: ofFamily,
  PlanActivity: ofFamily,
  FollowUp: ofFamily,
  Assessment: ofFamily,
  Consent: ofFamily,
  LegalBasis: ofFamily,
  CivilSocietyParticipation: ofFamily,
  FamilyTeamMember: ofFamily,
  ContactPersonAssignment: ofFamily,
  ProjectEnrolment: ofFamily,
};

/**
 * Root queries that answer one object of the family's data (its plan, an
 * activity, the assessment): asked of the policy with the query's declared
 * category before they answer, so a caller who may not see it gets null with
 * FORBIDDEN at the query's path (not an object of refused fields). `family`
 * and `person` answer the entity and refuse its fields one by one: the other
 * subgraphs' fields on it (health data for the team's health coordinator,
 * the economy's costs) are decided by those subgraphs' own rules.
 */
const GUARDED_ROOTS: Record<string, [keyof typeof SUBJECTS, 'BASIC' | 'PLAN' | 'SOCIAL']> = {
  familyPlan: ['FamilyPlan', 'PLAN'],
  planActivity: ['PlanActivity', 'PLAN'],
  assessment: ['Assessment', 'SOCIAL'],
};

type Resolver = (parent: any, args: any, ctx: FamilyContext, info: any) => unknown;
type ResolverMap = Record<string, Record<string, unknown>>;

function withGuardedRoots(map: ResolverMap): ResolverMap {
  const query = { ...(map.Query ?? {}) } as Record<string, Resolver>;
  for (const [field, [type, category]] of Object.entries(GUARDED_ROOTS)) {
    const resolve = query[field]!;
    query[field] = async (parent, args, ctx, info) => {
      const found = (await resolve(parent, args, ctx, info)) as any;
      if (!found) return found;
      const decision = await decideFamilyRead(ctx, SUBJECTS[type](found, ctx), category);
      if (!decision.allowed) throw new ForbiddenError(decision.reason);
      return found;
    };
  }
  return { ...map, Query: query };
}

/**
 * The search by case reference tells a caller who may not see the family that
 * it exists: its id, case reference and status answer (`family/existence.ts`);
 * every other field is refused by the policy as for any caller off the team.
 */
function withExistenceAnswer(map: ResolverMap): ResolverMap {
  const family = { ...(map.Family ?? {}) } as Record<string, Resolver>;
  for (const field of EXISTENCE_FIELDS) {
    const resolve = family[field];
    family[field] = (parent, args, ctx, info) =>
      parent?.[EXISTENCE_ONLY] ? parent[field] : resolve ? resolve(parent, args, ctx, info) : parent[field];
  }
  return { ...map, Family: family };
}

/**
 * The resolvers under the one declared policy (`data-categories.ts`,
 * `decideRead` in @helhed/identity): every declared field of a guarded type
 * asks the team, sharing and project-lead facts, gathered from this
 * subgraph's own per-request loaders (`team/caller-facts.ts`: the family's
 * team, the member's consents and legal bases, the family's projects); a
 * refused field is null with FORBIDDEN at its path, and an allowed read of a
 * person's data is noted in the request's audit trail. The root queries of one
 * object answer FORBIDDEN for a caller who may not see it; the case-reference
 * search answers existence; every mutation of a family passes the team gate
 * (`team/team-gate.ts`) before it reads or writes anything.
 */
export const resolvers = withExistenceAnswer(
  withGuardedRoots(
    withDeclaredPolicy<FamilyContext>(withTeamGate(domainResolvers as ResolverMap), {
      categories: DATA_CATEGORIES,
      ownCategory: 'SOCIAL',
      subjects: SUBJECTS,
      access: async (ctx, personId, category, declared) => {
        const person = await ctx.loaders.person.load(personId);
        if (!person) return null;
        return callerFacts(
          ctx,
          { personId, familyId: person.familyId, municipality: person.municipalityCode },
          category,
          declared,
        );
      },
      familyAccess: async (ctx, familyId, category, declared) => {
        const family = await ctx.loaders.family.load(familyId);
        if (!family) return null;
        return callerFacts(
          ctx,
          { personId: null, familyId, municipality: family.municipalityCode },
          category,
          declared,
        );
      },
      record: (ctx, entry) => ctx.audit.record(entry),
    }),
  ),
);
