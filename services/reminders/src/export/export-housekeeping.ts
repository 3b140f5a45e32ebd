import type { Logger } from '@helhed/server';
import type { ExportStore } from './export-store';

export interface ExportHousekeepingResult {
  /** Unfinished exports whose jobs were put on the queue again (a no-op for a job still queued). */
  requeued: number;
  /** DONE exports whose CSV was deleted (now EXPIRED). */
  expired: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The evaluators' exports' part of the reconciliation (at start and hourly):
 * - every export still QUEUED or RUNNING gets its job again — the request's row
 *   is written before its job is queued, so a failed enqueue (Redis away) or a
 *   lost queue leaves a row nobody runs; the job id is derived from the export
 *   id, so a job still queued is not queued twice, and the row's status makes a
 *   second run change nothing;
 * - every export DONE more than `retentionDays` ago loses its CSV and becomes EXPIRED.
 */
export async function exportHousekeeping(
  deps: {
    store: ExportStore;
    enqueue: (exportId: string) => Promise<void>;
    retentionDays: number;
    logger: Logger;
  },
  now: Date,
): Promise<ExportHousekeepingResult> {
  const unfinished = await deps.store.unfinished();
  for (const id of unfinished) await deps.enqueue(id);
  const expired = await deps.store.expire(new Date(now.getTime() - deps.retentionDays * DAY_MS));
  if (unfinished.length > 0 || expired.length > 0)
    deps.logger.info({ requeued: unfinished.length, expired: expired.length }, 'evaluator exports reconciled');
  return { requeued: unfinished.length, expired: expired.length };
}
