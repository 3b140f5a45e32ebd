import type { OperationAuditMap } from '@helhed/server';
import type { NotificationsContext } from './notifications.resolvers';

/**
 * The notifications subgraph's declared operation audit (README "Access
 * rules", audit), as every subgraph declares its own: none of its root fields
 * reads or changes a citizen's data. `operation-audit.test.ts` fails for a
 * mutation (or a personal query) not declared here.
 */
export const OPERATION_AUDIT: OperationAuditMap<NotificationsContext> = {
  // Digests and preferences name caseworkers and case references, never a citizen.
  'Query.failedDigests': 'NOT_PERSONAL',
  'Mutation.setReminderPreferences': 'NOT_PERSONAL',
  // An administrator's run of a day's reminders: caseworker ids, counts per kind and case references; who ran
  // it is logged. The digests it sends hold no citizen (the suite's mail check holds them to it).
  'Mutation.runReminders': 'NOT_PERSONAL',
  // The request row is the audit record of an export (who, when, which project and months); the persons'
  // data is read, and audited as EXPORT, by the subgraphs that own it when the background job reads the dataset.
  'Query.evaluatorExport': 'NOT_PERSONAL',
  'Mutation.requestEvaluatorExport': 'RESOLVER',
};
