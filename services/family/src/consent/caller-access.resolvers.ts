import type { DataCategory } from '@helhed/identity';
import type { FamilyContext } from '../context';
import type { PersonEntity } from '../person/person.entity';
import { sharingPermissionFor } from './sharing-permission';
import { callerActsAsTeam, isProjectLeadOf } from '../team/caller-facts';

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
      const [onTeam, sharing, isProjectLeadOfFamily] = await Promise.all([
        callerActsAsTeam(ctx, person.familyId),
        sharingPermissionFor(ctx, person.id, question),
        isProjectLeadOf(ctx, person.familyId),
      ]);
      return {
        ...question,
        familyId: person.familyId,
        onTeam,
        sharingAllowed: sharing.allowed,
        isProjectLeadOfFamily,
      };
    },
  },
};
