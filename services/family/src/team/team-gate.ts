import { ForbiddenError } from '@helhed/errors';
import type { Identity } from '@helhed/identity';
import type { FamilyContext } from '../context';
import { isUuid } from '../ids';
import { callerActsAsTeam } from './caller-facts';

/** What a change to a family needs besides being on its team. */
export type ChangeKind = 'FAMILY' | 'TEAM' | 'ENROLMENT';

/** The facts a change of a family is decided on. */
export interface ChangeFacts {
  kind: ChangeKind;
  /** The caller is on the family's team today (or is its intake caseworker). */
  onTeam: boolean;
}

/**
 * Who may change a family (its members, plan, activities, follow-ups,
 * assessments, consents, registrations, participations): a caseworker on its
 * team today (or its intake caseworker, `intake.ts`) — the department rules of `authorize` still apply on top. Two
 * roles act on families they are not on the team of: an ADMIN manages teams
 * (assign, end, contact person), a PROJECT_LEAD (or ADMIN) enrols families in
 * projects and ends enrolments. The caseworker who opened the case assigns the
 * first members as its intake caseworker.
 */
export function decideChange(
  identity: Identity,
  facts: ChangeFacts,
): { allowed: true } | { allowed: false; reason: string } {
  if (facts.onTeam) return { allowed: true };
  if (facts.kind === 'TEAM' && identity.roles.includes('ADMIN')) return { allowed: true };
  if (facts.kind === 'ENROLMENT' && identity.roles.some((r) => r === 'PROJECT_LEAD' || r === 'ADMIN'))
    return { allowed: true };
  return { allowed: false, reason: "Only the family's team changes the family's data" };
}

type Target = { familyId: string; municipalityCode: string } | null | undefined;
type Locate = (input: any, ctx: FamilyContext) => Promise<Target> | Target;

const uuid = (id: unknown): id is string => typeof id === 'string' && isUuid(id);
const byId =
  <T extends Target>(load: (ctx: FamilyContext, id: string) => Promise<T>) =>
  (id: unknown, ctx: FamilyContext): Promise<Target> =>
    uuid(id) ? load(ctx, id) : Promise.resolve(null);

const family = byId((ctx, id) =>
  ctx.loaders.family.load(id).then((f) => f && { familyId: f.id, municipalityCode: f.municipalityCode }),
);
const person = byId((ctx, id) => ctx.loaders.person.load(id));
const plan = byId((ctx, id) => ctx.loaders.plans.plan.load(id));
const activity = byId((ctx, id) => ctx.loaders.planActivities.activity.load(id));
const followUp = byId((ctx, id) => ctx.loaders.followUps.followUp.load(id));
const goal = byId((ctx, id) => ctx.loaders.plans.goal.load(id));
const assessment = byId((ctx, id) => ctx.loaders.assessments.assessment.load(id));
const participation = byId((ctx, id) => ctx.loaders.civilSocietyParticipation.load(id));
const consent = byId((ctx, id) => ctx.loaders.consent.load(id));
const legalBasis = byId((ctx, id) => ctx.loaders.legalBasis.load(id));
const teamMember = byId((ctx, id) => ctx.loaders.teamMember.load(id));
const enrolment = byId((ctx, id) => ctx.stores.enrolments.byIds([id]).then((rows) => rows[0] ?? null));

/**
 * Every mutation that changes a family's data, with how its input names the
 * family and what it needs (`team-gate.test.ts` fails for a declared mutation
 * of a person's data missing here, so a new one cannot slip through).
 * `createFamily` makes a new family (nobody's team yet) and is left to its own check.
 */
export const FAMILY_CHANGES: Readonly<Record<string, { kind: ChangeKind; locate: Locate }>> = {
  updateFamily: { kind: 'FAMILY', locate: (i, ctx) => family(i.familyId, ctx) },
  activateFamily: { kind: 'FAMILY', locate: (i, ctx) => family(i.familyId, ctx) },
  closeFamily: { kind: 'FAMILY', locate: (i, ctx) => family(i.familyId, ctx) },
  addMember: { kind: 'FAMILY', locate: (i, ctx) => family(i.familyId, ctx) },
  updateMember: { kind: 'FAMILY', locate: (i, ctx) => person(i.personId, ctx) },
  removeMember: { kind: 'FAMILY', locate: (i, ctx) => person(i.personId, ctx) },
  setCustodyHolders: { kind: 'FAMILY', locate: (i, ctx) => person(i.childId, ctx) },
  giveConsent: { kind: 'FAMILY', locate: (i, ctx) => person(i.personId, ctx) },
  withdrawConsent: { kind: 'FAMILY', locate: (i, ctx) => consent(i.consentId, ctx) },
  recordLegalBasis: { kind: 'FAMILY', locate: (i, ctx) => person(i.personId, ctx) },
  endLegalBasis: { kind: 'FAMILY', locate: (i, ctx) => legalBasis(i.legalBasisId, ctx) },
  recordAssessment: { kind: 'FAMILY', locate: (i, ctx) => family(i.familyId, ctx) },
  reviseAssessment: { kind: 'FAMILY', locate: (i, ctx) => assessment(i.assessmentId, ctx) },
  createFamilyPlan: { kind: 'FAMILY', locate: (i, ctx) => family(i.familyId, ctx) },
  reviseFamilyPlan: { kind: 'FAMILY', locate: (i, ctx) => plan(i.planId, ctx) },
  closeFamilyPlan: { kind: 'FAMILY', locate: (i, ctx) => plan(i.planId, ctx) },
  updateGoalStatus: { kind: 'FAMILY', locate: (i, ctx) => goal(i.goalId, ctx) },
  addPlanActivity: { kind: 'FAMILY', locate: (i, ctx) => plan(i.planId, ctx) },
  updatePlanActivity: { kind: 'FAMILY', locate: (i, ctx) => activity(i.activityId, ctx) },
  changeActivityStatus: { kind: 'FAMILY', locate: (i, ctx) => activity(i.activityId, ctx) },
  planFollowUp: {
    kind: 'FAMILY',
    locate: async (i, ctx) => (await plan(i.planId, ctx)) ?? activity(i.activityId, ctx),
  },
  recordFollowUp: {
    kind: 'FAMILY',
    locate: async (i, ctx) =>
      (await followUp(i.followUpId, ctx)) ?? (await plan(i.planId, ctx)) ?? activity(i.activityId, ctx),
  },
  recordParticipation: { kind: 'FAMILY', locate: (i, ctx) => person(i.personId, ctx) },
  endParticipation: { kind: 'FAMILY', locate: (i, ctx) => participation(i.participationId, ctx) },
  registerFamilyPart: { kind: 'FAMILY', locate: (i, ctx) => family(i.familyId, ctx) },
  confirmUnchangedFamilyMonth: { kind: 'FAMILY', locate: (i, ctx) => family(i.familyId, ctx) },
  assignTeamMember: { kind: 'TEAM', locate: (i, ctx) => family(i.familyId, ctx) },
  endTeamMembership: { kind: 'TEAM', locate: (i, ctx) => teamMember(i.teamMemberId, ctx) },
  setContactPerson: { kind: 'TEAM', locate: (i, ctx) => family(i.familyId, ctx) },
  enrolFamilyInProject: { kind: 'ENROLMENT', locate: (i, ctx) => family(i.familyId, ctx) },
  endProjectEnrolment: { kind: 'ENROLMENT', locate: (i, ctx) => enrolment(i.enrolmentId, ctx) },
};

/** Mutations of a declared category that change no existing family. */
export const NOT_A_FAMILY_CHANGE = new Set(['createFamily']);

type Resolver = (parent: unknown, args: { input?: unknown }, ctx: FamilyContext, info: unknown) => unknown;

/**
 * Puts the team rule in front of every family change: the family the input
 * names is found through the request's loaders, and a caller who may not
 * change it is refused with FORBIDDEN before anything is read for or written
 * by the mutation. An input naming no family of the caller's municipality
 * passes on, so the mutation answers BAD_USER_INPUT at its field as before.
 */
export function withTeamGate(resolvers: Record<string, Record<string, unknown>>) {
  const mutations = { ...(resolvers.Mutation ?? {}) } as Record<string, Resolver>;
  for (const [name, change] of Object.entries(FAMILY_CHANGES)) {
    const resolve = mutations[name];
    if (!resolve) throw new Error(`The team gate names a mutation that is not resolved: ${name}`);
    mutations[name] = async (parent, args, ctx, info) => {
      const target = await change.locate(args.input ?? {}, ctx);
      if (target && target.municipalityCode === ctx.identity.municipality) {
        const onTeam = await callerActsAsTeam(ctx, target.familyId);
        const decision = decideChange(ctx.identity, { kind: change.kind, onTeam });
        if (!decision.allowed) throw new ForbiddenError(decision.reason);
      }
      return resolve(parent, args, ctx, info);
    };
  }
  return { ...resolvers, Mutation: mutations };
}
