import { authorize } from '@helhed/identity';
import type { EmploymentContext } from '../context';
import { today } from '../dates';
import { isUuid } from '../ids';
import { knownPerson } from '../person/known-person';
import {
  assignmentOn,
  planTargetGroupAssignment,
  validateTargetGroupAssignment,
  type TargetGroupAssignmentInput,
} from './target-group';
import type { TargetGroupAssignmentEntity } from './target-group-assignment.entity';

function authorizeTargetGroups(ctx: EmploymentContext, operation: 'read' | 'write'): void {
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'EMPLOYMENT',
    operation,
    what: "A person's target groups",
  });
}

const assignmentsOf = (ctx: EmploymentContext, personId: string): Promise<TargetGroupAssignmentEntity[]> => {
  authorizeTargetGroups(ctx, 'read');
  return isUuid(personId) ? ctx.loaders.targetGroupsOfPerson.load(personId.toLowerCase()) : Promise.resolve([]);
};

export const targetGroupResolvers = {
  Mutation: {
    assignTargetGroup: async (_: unknown, args: { input: TargetGroupAssignmentInput }, ctx: EmploymentContext) => {
      authorizeTargetGroups(ctx, 'write');
      const valid = validateTargetGroupAssignment(args.input);
      const person = await knownPerson(ctx, valid.personId);
      const row = await ctx.stores.targetGroups.assign(
        valid,
        { municipalityCode: ctx.identity.municipality, familyId: person.familyId, createdBy: ctx.identity.userId },
        (existing) => planTargetGroupAssignment(valid, existing),
      );
      ctx.loaders.targetGroupsOfPerson.clear(row.personId);
      return row;
    },
  },
  Person: {
    targetGroups: (person: { id: string }, _: unknown, ctx: EmploymentContext) => assignmentsOf(ctx, person.id),
    targetGroup: async (person: { id: string }, args: { on?: string | null }, ctx: EmploymentContext) =>
      assignmentOn(await assignmentsOf(ctx, person.id), args.on ?? today()),
  },
  TargetGroupAssignment: {
    from: (a: TargetGroupAssignmentEntity) => a.fromDate,
    to: (a: TargetGroupAssignmentEntity) => a.toDate,
    person: (a: TargetGroupAssignmentEntity) => ({ id: a.personId }),
  },
};
