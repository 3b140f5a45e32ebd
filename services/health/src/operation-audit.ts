import type { AuditedOperation, OperationAuditMap } from '@helhed/server';
import type { HealthContext } from './context';

/**
 * The health subgraph's declared operation audit (README "Access rules",
 * audit): whose HEALTH data each change touches, beside `data-categories.ts`.
 * `operation-audit.test.ts` fails for a mutation (or a personal query) not
 * declared here; `withOperationAudit` applies it.
 */
const ofPerson = (operation: AuditedOperation['operation']): AuditedOperation<HealthContext> => ({
  category: 'HEALTH',
  operation,
  persons: (result: { personId: string } | null) => (result ? [result.personId] : []),
});

/** Treatment answers the plan activity; the person is the activity's treatment's (one per activity). */
const ofTreatment = (operation: AuditedOperation['operation']): AuditedOperation<HealthContext> => ({
  category: 'HEALTH',
  operation,
  persons: async (result: { id: string } | null, _args, ctx) => {
    if (!result) return [];
    const row = await ctx.loaders.treatmentOfActivity.load(result.id.toLowerCase());
    return row ? [row.personId] : [];
  },
});

export const OPERATION_AUDIT: OperationAuditMap<HealthContext> = {
  // Reads by id: the fields read are audited one by one (data categories, READ).
  'Query.healthAssessment': 'READ',
  'Query.referral': 'READ',

  'Mutation.recordHealthAssessment': ofPerson('CREATE'),
  'Mutation.reviseHealthAssessment': ofPerson('UPDATE'),
  'Mutation.recordHealthIndicators': ofPerson('CREATE'),
  'Mutation.sendReferral': ofPerson('CREATE'),
  'Mutation.updateReferral': ofPerson('UPDATE'),
  'Mutation.recordTreatmentDetails': {
    category: 'HEALTH',
    operation: 'CREATE',
    persons: (_result, args: { input: { personId: string } }) => [args.input.personId.trim().toLowerCase()],
  },
  'Mutation.recordTreatmentSessions': ofTreatment('UPDATE'),
};
