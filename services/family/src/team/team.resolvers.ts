import { UserInputError } from '@helhed/errors';
import { authorize } from '@helhed/identity';
import type { FamilyContext } from '../context';
import type { FamilyEntity } from '../family/family.entity';
import { familyToChange } from '../family/family.resolvers';
import { isUuid } from '../ids';
import type { ContactPersonAssignmentEntity } from './contact-person-assignment.entity';
import {
  contactAssignmentOn,
  notEndedOn,
  planContactPerson,
  planMembershipEnd,
  planTeamAssignment,
  type ContactPersonChoice,
  type NamedCaseworker,
  type TeamAssignment,
  type TeamMembershipEnd,
} from './team';
import type { FamilyTeamMemberEntity } from './team-member.entity';

/** The caseworker an input names, through the request's loader (null for an id that names none). */
async function namedCaseworker(ctx: FamilyContext, id: string): Promise<NamedCaseworker> {
  return isUuid(id) ? ctx.loaders.caseworker.load(id) : null;
}

/** A family's team and contact person changed: the request's loaders read them again. */
function teamChanged(ctx: FamilyContext, familyId: string) {
  ctx.loaders.teamOfFamily.clear(familyId);
  ctx.loaders.contactPersonAssignmentsOfFamily.clear(familyId);
}

export const teamResolvers = {
  Mutation: {
    assignTeamMember: async (_: unknown, args: { input: TeamAssignment }, ctx: FamilyContext) => {
      const { input } = args;
      const family = await familyToChange(ctx, input.familyId);
      const caseworker = await namedCaseworker(ctx, input.caseworkerId);
      const member = await ctx.stores.team.assign({ ...input, familyId: family.id }, ctx.identity.userId, (state) =>
        planTeamAssignment(input, caseworker, state),
      );
      teamChanged(ctx, family.id);
      return member;
    },

    endTeamMembership: async (_: unknown, args: { input: TeamMembershipEnd }, ctx: FamilyContext) => {
      const { input } = args;
      authorize(ctx.identity, {
        municipality: ctx.identity.municipality,
        category: 'BASIC',
        operation: 'write',
        what: 'family teams',
      });
      const membership = isUuid(input.teamMemberId) ? await ctx.loaders.teamMember.load(input.teamMemberId) : null;
      if (!membership || membership.municipalityCode !== ctx.identity.municipality) {
        throw new UserInputError('input.teamMemberId', 'There is no team membership with this id in your municipality');
      }
      const ended = await ctx.stores.team.endMembership(membership.id, ctx.identity.userId, (current, state) =>
        planMembershipEnd(current, input, state),
      );
      teamChanged(ctx, ended.familyId);
      return ended;
    },

    setContactPerson: async (_: unknown, args: { input: ContactPersonChoice }, ctx: FamilyContext) => {
      const { input } = args;
      const family = await familyToChange(ctx, input.familyId);
      const caseworker = await namedCaseworker(ctx, input.caseworkerId);
      const assignment = await ctx.stores.team.setContactPerson(
        { ...input, familyId: family.id },
        ctx.identity.userId,
        (state) => planContactPerson(input, caseworker, state),
      );
      teamChanged(ctx, family.id);
      return assignment;
    },
  },

  Family: {
    team: async (family: FamilyEntity, args: { includeEnded?: boolean | null }, ctx: FamilyContext) => {
      const team = await ctx.loaders.teamOfFamily.load(family.id);
      return args.includeEnded ? team : team.filter((m) => notEndedOn(m, ctx.today));
    },
    contactPerson: async (family: FamilyEntity, _: unknown, ctx: FamilyContext) => {
      const current = contactAssignmentOn(
        await ctx.loaders.contactPersonAssignmentsOfFamily.load(family.id),
        ctx.today,
      );
      return current ? ctx.loaders.caseworker.load(current.caseworkerId) : null;
    },
    contactPersonHistory: (family: FamilyEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.contactPersonAssignmentsOfFamily.load(family.id),
  },

  FamilyTeamMember: {
    family: (m: FamilyTeamMemberEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.family.load(m.familyId),
    caseworker: (m: FamilyTeamMemberEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.caseworker.load(m.caseworkerId),
  },

  ContactPersonAssignment: {
    family: (a: ContactPersonAssignmentEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.family.load(a.familyId),
    caseworker: (a: ContactPersonAssignmentEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.caseworker.load(a.caseworkerId),
  },
};
