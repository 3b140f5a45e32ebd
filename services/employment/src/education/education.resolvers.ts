import { UserInputError } from '@helhed/errors';
import { authorize } from '@helhed/identity';
import { knownPerson } from '../person/known-person';
import type { EmploymentContext } from '../context';
import { isUuid } from '../ids';
import type { EducationEnrolmentEntity } from './education-enrolment.entity';
import {
  planEducationOutcome,
  validateEducationEnrolment,
  type EducationEnrolmentInput,
  type EducationOutcomeInput,
} from './education';

function authorizeEducation(ctx: EmploymentContext, operation: 'read' | 'write'): void {
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'EMPLOYMENT',
    operation,
    what: "A person's education enrolments",
  });
}

function changed(ctx: EmploymentContext, row: EducationEnrolmentEntity): EducationEnrolmentEntity {
  ctx.loaders.educationEnrolmentsOfPerson.clear(row.personId);
  ctx.loaders.educationEnrolment.clear(row.id).prime(row.id, row);
  return row;
}

export const educationResolvers = {
  Mutation: {
    recordEducationEnrolment: async (_: unknown, args: { input: EducationEnrolmentInput }, ctx: EmploymentContext) => {
      authorizeEducation(ctx, 'write');
      const valid = validateEducationEnrolment(args.input);
      const person = await knownPerson(ctx, valid.personId);
      const row = await ctx.stores.education.create(valid, {
        municipalityCode: ctx.identity.municipality,
        familyId: person.familyId,
        createdBy: ctx.identity.userId,
      });
      return changed(ctx, row);
    },
    recordEducationOutcome: async (_: unknown, args: { input: EducationOutcomeInput }, ctx: EmploymentContext) => {
      authorizeEducation(ctx, 'write');
      const id = args.input.educationEnrolmentId;
      const found = isUuid(id) ? await ctx.loaders.educationEnrolment.load(id.toLowerCase()) : null;
      if (!found || found.municipalityCode !== ctx.identity.municipality) {
        throw new UserInputError(
          'input.educationEnrolmentId',
          'There is no education enrolment with this id in your municipality',
        );
      }
      const row = await ctx.stores.education.recordOutcome(found.id, ctx.identity.userId, (current) =>
        planEducationOutcome(current, args.input),
      );
      return changed(ctx, row);
    },
  },
  Person: {
    educationEnrolments: (person: { id: string }, _: unknown, ctx: EmploymentContext) => {
      authorizeEducation(ctx, 'read');
      return isUuid(person.id) ? ctx.loaders.educationEnrolmentsOfPerson.load(person.id.toLowerCase()) : [];
    },
  },
  EducationEnrolment: {
    person: (row: EducationEnrolmentEntity) => ({ id: row.personId }),
    outcome: (row: EducationEnrolmentEntity) => (row.outcome ? { kind: row.outcome, on: row.outcomeOn } : null),
  },
};
