import type { AuditedOperation, OperationAuditMap } from '@helhed/server';
import type { EmploymentContext } from './context';

/**
 * The employment subgraph's declared operation audit (README "Access rules",
 * audit): whose EMPLOYMENT data each change touches, beside
 * `data-categories.ts`. `operation-audit.test.ts` fails for a mutation (or a
 * personal query) not declared here; `withOperationAudit` applies it.
 */
const ofPerson = (operation: AuditedOperation['operation']): AuditedOperation<EmploymentContext> => ({
  category: 'EMPLOYMENT',
  operation,
  persons: (result: { personId: string } | null) => (result ? [result.personId] : []),
});

export const OPERATION_AUDIT: OperationAuditMap<EmploymentContext> = {
  // Reads by id: the fields read are audited one by one (data categories, READ).
  'Query.benefitPeriod': 'READ',
  'Query.offerParticipation': 'READ',

  'Mutation.registerCompany': 'NOT_PERSONAL',
  'Mutation.addPartnershipAgreement': 'NOT_PERSONAL',
  'Mutation.recordBenefitPeriod': ofPerson('CREATE'),
  'Mutation.endBenefitPeriod': ofPerson('UPDATE'),
  'Mutation.recordEducationEnrolment': ofPerson('CREATE'),
  'Mutation.recordEducationOutcome': ofPerson('UPDATE'),
  'Mutation.recordEmploymentPeriod': ofPerson('CREATE'),
  'Mutation.endEmploymentPeriod': ofPerson('UPDATE'),
  'Mutation.recordLeisureJob': ofPerson('CREATE'),
  'Mutation.endLeisureJob': ofPerson('UPDATE'),
  'Mutation.startOfferParticipation': ofPerson('CREATE'),
  'Mutation.endOfferParticipation': ofPerson('UPDATE'),
  'Mutation.recordAttendance': ofPerson('UPDATE'),
  'Mutation.assignTargetGroup': ofPerson('CREATE'),
  // The registration answers a computed month; the person is the input's.
  'Mutation.confirmEmploymentRegistration': {
    category: 'EMPLOYMENT',
    operation: 'UPDATE',
    persons: (_result, args: { input: { personId: string } }) => [args.input.personId.trim().toLowerCase()],
  },
};
