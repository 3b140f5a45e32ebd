import type { OperationAuditMap } from '@helhed/server';
import type { HealthContext } from './context';

/**
 * The health subgraph's declared operation audit (README "Access rules",
 * audit): whose HEALTH data each change touches, beside `data-categories.ts`.
 * `operation-audit.test.ts` fails for a mutation (or a personal query) not
 * declared here; `withOperationAudit` applies it.
 */
export const OPERATION_AUDIT: OperationAuditMap<HealthContext> = {
  // Reads by id: the fields read are audited one by one (data categories, READ).
  'Query.healthAssessment': 'READ',
  'Query.referral': 'READ',

  // The resolvers note their own changes (`auditWrite`: an upsert knows whether it created or changed).
  'Mutation.recordHealthAssessment': 'RESOLVER',
  'Mutation.reviseHealthAssessment': 'RESOLVER',
  'Mutation.recordHealthIndicators': 'RESOLVER',
  'Mutation.sendReferral': 'RESOLVER',
  'Mutation.updateReferral': 'RESOLVER',
  'Mutation.recordTreatmentDetails': 'RESOLVER',
  'Mutation.recordTreatmentSessions': 'RESOLVER',
};
