import type { DataCategory } from '@helhed/identity';
import type { AuditedOperation, OperationAuditMap } from '@helhed/server';
import type { FamilyContext } from './context';
import { datasetOf, type DatasetRef } from './evaluator-export/evaluator-export.resolvers';

/**
 * The family subgraph's declared operation audit (README "Access rules",
 * audit): what each search, change, deletion and export does to whose data,
 * beside `data-categories.ts` (which says what reading each field is).
 * `operation-audit.test.ts` fails for a mutation (or a personal query) that is
 * not declared here. `withOperationAudit` in @helhed/server applies it.
 *
 * Whose data: a member's change names the member; a change of the family, its
 * team, its plan, an activity, an assessment, a follow-up or its enrolment
 * touches every current member of the family (the one plan and the family's
 * record are all of theirs). The plan, assessments and the family part of the
 * monthly registration are audited as SOCIAL (the family department's data).
 */

type Op = AuditedOperation<FamilyContext>;

const members = async (ctx: FamilyContext, familyIds: Iterable<string>): Promise<string[]> => {
  const lists = await Promise.all([...new Set(familyIds)].map((id) => ctx.loaders.membersOfFamily.load(id)));
  return lists.flat().map((p) => p.id);
};

/** A change of a family-level object (with a `familyId`, or the family itself): every current member. */
const ofFamily = (
  category: DataCategory,
  operation: Op['operation'],
  familyIdOf = (r: any) => r.familyId as string,
): Op => ({
  category,
  operation,
  persons: (result, _args, ctx) => (result ? members(ctx, [familyIdOf(result)]) : []),
});

/** A change of one person's record (the result is the person, or carries `personId`). */
const ofPerson = (
  category: DataCategory,
  operation: Op['operation'],
  personIdOf = (r: any) => r.personId as string,
): Op => ({
  category,
  operation,
  persons: (result) => (result ? [personIdOf(result)] : []),
});

const person = (r: { id: string }) => r.id;
const family = (r: { id: string }) => r.id;

export const OPERATION_AUDIT: OperationAuditMap<FamilyContext> = {
  // Searches: one SEARCH row per person found, with the criterion (CPR masked).
  'Query.familiesByMemberCpr': {
    category: 'BASIC',
    operation: 'SEARCH',
    persons: (result: Array<{ id: string }>, _args, ctx) => members(ctx, result.map(family)),
  },
  'Query.familyByCaseReference': {
    category: 'BASIC',
    operation: 'SEARCH',
    persons: (result: { id: string } | null, _args, ctx) => (result ? members(ctx, [result.id]) : []),
  },
  'Query.families': {
    category: 'BASIC',
    operation: 'SEARCH',
    persons: (result: { edges: Array<{ node: { id: string } }> }, _args, ctx) =>
      members(
        ctx,
        result.edges.map((e) => e.node.id),
      ),
  },
  // The data-protection officer finds a citizen's access logs by CPR number.
  'Query.accessLogsByCpr': {
    category: 'BASIC',
    operation: 'SEARCH',
    persons: (result: Array<{ personId: string }>) => result.map((log) => log.personId),
  },
  // Reads by id: the persons' fields read are audited one by one (data categories, READ).
  'Query.family': 'READ',
  'Query.person': 'READ',
  'Query.planActivity': 'READ',
  'Query.assessment': 'READ',
  'Query.sharingPermission': 'READ',
  'Query.familyPlan': 'READ',
  'Query.followUpsDue': 'READ',
  'Query.monthlyStatusReport': 'READ',
  'Query.evaluatorDataset': 'READ',
  // Audited by its own resolvers: AccessLog.entries READ, AccessLog.csv EXPORT.
  'Query.accessLog': 'READ',
  // The evaluators' dataset hands the family part of the persons' months out (pseudonymised): EXPORT.
  'EvaluatorDataset.rows': {
    category: 'SOCIAL',
    operation: 'EXPORT',
    persons: async (_rows, _args, ctx, parent: DatasetRef) =>
      (await datasetOf(ctx, parent)).subjects.map((s) => s.personId),
  },

  'Mutation.registerMunicipality': 'NOT_PERSONAL',
  'Mutation.registerCaseworker': 'NOT_PERSONAL',
  'Mutation.registerCivilSocietyPartner': 'NOT_PERSONAL',
  'Mutation.addMilestone': 'NOT_PERSONAL',
  'Mutation.updateMilestone': 'NOT_PERSONAL',
  'Mutation.createProject': 'NOT_PERSONAL',
  'Mutation.updateProject': 'NOT_PERSONAL',
  'Mutation.addRisk': 'NOT_PERSONAL',
  'Mutation.updateRisk': 'NOT_PERSONAL',
  'Mutation.setRegistrationDeadline': 'NOT_PERSONAL',
  'Mutation.addSdqNormSet': 'NOT_PERSONAL',

  'Mutation.createFamily': ofFamily('BASIC', 'CREATE', family),
  'Mutation.updateFamily': ofFamily('BASIC', 'UPDATE', family),
  'Mutation.activateFamily': ofFamily('BASIC', 'UPDATE', family),
  'Mutation.closeFamily': ofFamily('BASIC', 'UPDATE', family),
  'Mutation.addMember': ofPerson('BASIC', 'CREATE', person),
  'Mutation.updateMember': ofPerson('BASIC', 'UPDATE', person),
  // The member leaves the family: their membership is deleted (the person and their history are kept).
  'Mutation.removeMember': ofPerson('BASIC', 'DELETE', person),
  'Mutation.setCustodyHolders': ofPerson('BASIC', 'UPDATE', person),
  'Mutation.giveConsent': ofPerson('BASIC', 'CREATE'),
  'Mutation.withdrawConsent': ofPerson('BASIC', 'UPDATE'),
  'Mutation.recordLegalBasis': ofPerson('BASIC', 'CREATE'),
  'Mutation.endLegalBasis': ofPerson('BASIC', 'UPDATE'),
  'Mutation.assignTeamMember': ofFamily('BASIC', 'UPDATE'),
  'Mutation.endTeamMembership': ofFamily('BASIC', 'UPDATE'),
  'Mutation.setContactPerson': ofFamily('BASIC', 'UPDATE'),
  'Mutation.enrolFamilyInProject': ofFamily('BASIC', 'UPDATE'),
  'Mutation.endProjectEnrolment': ofFamily('BASIC', 'UPDATE'),

  'Mutation.addPlanActivity': ofFamily('SOCIAL', 'CREATE'),
  'Mutation.updatePlanActivity': ofFamily('SOCIAL', 'UPDATE'),
  'Mutation.changeActivityStatus': ofFamily('SOCIAL', 'UPDATE'),
  'Mutation.createFamilyPlan': ofFamily('SOCIAL', 'CREATE'),
  'Mutation.reviseFamilyPlan': ofFamily('SOCIAL', 'UPDATE'),
  'Mutation.closeFamilyPlan': ofFamily('SOCIAL', 'UPDATE'),
  'Mutation.updateGoalStatus': ofFamily('SOCIAL', 'UPDATE'),
  'Mutation.planFollowUp': ofFamily('SOCIAL', 'CREATE'),
  'Mutation.recordFollowUp': ofFamily('SOCIAL', 'UPDATE'),
  'Mutation.recordAssessment': ofFamily('SOCIAL', 'CREATE'),
  'Mutation.reviseAssessment': ofFamily('SOCIAL', 'UPDATE'),
  'Mutation.recordParticipation': ofPerson('SOCIAL', 'CREATE'),
  'Mutation.endParticipation': ofPerson('SOCIAL', 'UPDATE'),
  'Mutation.registerFamilyPart': ofPerson('SOCIAL', 'CREATE'),
  'Mutation.confirmUnchangedFamilyMonth': {
    category: 'SOCIAL',
    operation: 'CREATE',
    persons: (result: Array<{ personId: string }>) => result.map((m) => m.personId),
  },
};
