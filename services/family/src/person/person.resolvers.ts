import { UserInputError } from '@helhed/errors';
import { authorize } from '@helhed/identity';
import type { FamilyContext } from '../context';
import { ageOn, maskCpr } from '../cpr/cpr';
import type { FamilyEntity } from '../family/family.entity';
import { familyToChange } from '../family/family.resolvers';
import { isUuid } from '../ids';
import {
  checkAddition,
  planMemberRemoval,
  planMemberUpdate,
  validateMemberAddition,
  type MemberAddition,
  type MemberRemoval,
  type MemberUpdate,
} from './member';
import type { PersonEntity } from './person.entity';

/** Loads a person of the caller's municipality and passes the authorisation point for their basic data. */
export async function visiblePerson(ctx: FamilyContext, id: string): Promise<PersonEntity | null> {
  if (!isUuid(id)) return null;
  const person = await ctx.loaders.person.load(id);
  if (!person || person.municipalityCode !== ctx.identity.municipality) return null;
  authorize(ctx.identity, {
    municipality: person.municipalityCode,
    category: 'BASIC',
    operation: 'read',
    what: "A person's data",
  });
  return person;
}

/** The member a mutation changes: of the caller's municipality, and the caller may change families' basic data. */
async function memberToChange(ctx: FamilyContext, personId: string): Promise<PersonEntity> {
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'BASIC',
    operation: 'write',
    what: 'family members',
  });
  const person = await visiblePerson(ctx, personId);
  if (!person) throw new UserInputError('input.personId', 'There is no person with this id in your municipality');
  return person;
}

/** After a change, the request's loaders give the changed member (and a fresh member list of the family). */
function changed(ctx: FamilyContext, person: PersonEntity): PersonEntity {
  ctx.loaders.person.clear(person.id).prime(person.id, person);
  ctx.loaders.membersOfFamily.clear(person.familyId);
  return person;
}

export const personResolvers = {
  Query: {
    person: (_: unknown, args: { id: string }, ctx: FamilyContext) => visiblePerson(ctx, args.id),
  },
  Mutation: {
    addMember: async (_: unknown, args: { input: MemberAddition }, ctx: FamilyContext) => {
      const family = await familyToChange(ctx, args.input.familyId);
      const member = validateMemberAddition(args.input, ctx.today);
      const person = await ctx.stores.persons.add(family.id, member, ctx.identity.userId, checkAddition);
      return changed(ctx, person);
    },

    updateMember: async (_: unknown, args: { input: MemberUpdate }, ctx: FamilyContext) => {
      const person = await memberToChange(ctx, args.input.personId);
      const after = await ctx.stores.persons.change(person.id, ctx.identity.userId, 'UPDATE', (current, state) =>
        planMemberUpdate(current, state, args.input, ctx.today),
      );
      return changed(ctx, after);
    },

    removeMember: async (_: unknown, args: { input: MemberRemoval }, ctx: FamilyContext) => {
      const person = await memberToChange(ctx, args.input.personId);
      const after = await ctx.stores.persons.change(
        person.id,
        ctx.identity.userId,
        'REMOVE',
        (current, state) => planMemberRemoval(current, state, args.input, ctx.today),
        args.input.reason.trim(),
      );
      ctx.loaders.formerMembersOfFamily.clear(after.familyId);
      return changed(ctx, after);
    },
  },
  Family: {
    formerMembers: (family: FamilyEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.formerMembersOfFamily.load(family.id),
  },
  Person: {
    __resolveReference: (ref: { id: string }, ctx: FamilyContext) => visiblePerson(ctx, ref.id),
    cprMasked: (person: PersonEntity) => maskCpr(person.birthDate),
    age: (person: PersonEntity, _: unknown, ctx: FamilyContext) => ageOn(person.birthDate, ctx.today),
    family: (person: PersonEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.family.load(person.familyId),
  },
};
