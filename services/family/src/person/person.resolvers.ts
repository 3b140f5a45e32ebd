import { authorize } from '@helhed/identity';
import type { FamilyContext } from '../context';
import { ageOn, maskCpr } from '../cpr/cpr';
import { isUuid } from '../ids';
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

export const personResolvers = {
  Query: {
    person: (_: unknown, args: { id: string }, ctx: FamilyContext) => visiblePerson(ctx, args.id),
  },
  Person: {
    __resolveReference: (ref: { id: string }, ctx: FamilyContext) => visiblePerson(ctx, ref.id),
    cprMasked: (person: PersonEntity) => maskCpr(person.birthDate),
    age: (person: PersonEntity, _: unknown, ctx: FamilyContext) => ageOn(person.birthDate, ctx.today),
    family: (person: PersonEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.family.load(person.familyId),
  },
};
