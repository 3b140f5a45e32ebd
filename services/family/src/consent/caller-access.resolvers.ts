import type { DataCategory } from '@helhed/identity';
import type { FamilyContext } from '../context';
import type { PersonEntity } from '../person/person.entity';
import { callerOnTeam } from './caller-access';
import { sharingPermissionFor } from './sharing-permission';
import { isProjectLeadOf } from '../team/caller-facts';

/**
 * `Person.accessForCaller`: the team rule, the sharing rule and the project-lead rule for the caller,
 * read through the request's loaders (the family's team, the person's consents
 * and legal bases): asked for many persons in one request it costs one
 * statement per kind, however many persons.
 */
export const callerAccessResolvers = {
  Person: {
    accessForCaller: async (person: PersonEntity, args: { category: DataCategory }, ctx: FamilyContext) => {
      const question = { department: ctx.identity.department, category: args.category, on: ctx.today };
      const [team, sharing, isProjectLeadOfFamily] = await Promise.all([
        ctx.loaders.teamOfFamily.load(person.familyId),
        sharingPermissionFor(ctx, person.id, question),
        isProjectLeadOf(ctx, person.familyId),
      ]);
      return {
        ...question,
        familyId: person.familyId,
        onTeam: callerOnTeam(ctx.identity, team, ctx.today),
        sharingAllowed: sharing.allowed,
        isProjectLeadOfFamily,
      };
    },
  },
};
