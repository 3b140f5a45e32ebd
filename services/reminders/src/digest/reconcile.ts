import { isBusinessDay, todayInDenmark } from '@helhed/calendar';
import type { Logger } from '@helhed/server';
import type { DigestStore } from './digest-store';

export interface ReconcileResult {
  day: string;
  /** Municipalities whose daily run was caught up (the worker was down at digest time, or Redis lost the job). */
  caughtUp: string[];
  /** Digests of the day not sent yet whose jobs were (re-)created. */
  requeued: number;
  /** The evaluators' exports re-queued and expired (see `export/export-housekeeping.ts`). */
  exports?: { requeued: number; expired: number };
}

/** Hour and minute of a cron pattern's daily run ("0 7 * * *" → 07:00); 07:00 when not plain numbers. */
export function dailyTimeOf(pattern: string): { hour: number; minute: number } {
  const fields = pattern.trim().split(/\s+/);
  const [minute, hour] = fields.length === 6 ? fields.slice(1, 3) : fields.slice(0, 2);
  const h = Number(hour);
  const m = Number(minute);
  return Number.isInteger(h) && Number.isInteger(m) ? { hour: h, minute: m } : { hour: 7, minute: 0 };
}

/** Hour and minute in a time zone. */
export function timeIn(now: Date, timeZone: string): { hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return { hour: Number(parts.hour) % 24, minute: Number(parts.minute) };
}

export interface ReconcileDeps {
  store: DigestStore;
  municipalities: string[];
  digestCron: string;
  digestTz: string;
  logger: Logger;
  /** Runs the day's digests for the municipalities given (and enqueues them). */
  runDay(day: string, municipalities: string[]): Promise<unknown>;
  enqueue(keys: string[]): Promise<void>;
}

/**
 * PostgreSQL is the truth: after the day's digest time on a business day, a
 * municipality without a recorded run is run now (catch-up), and every digest
 * of the day not yet sent gets its job back (after a restart or a Redis flush).
 */
export async function reconcile(deps: ReconcileDeps, now: Date): Promise<ReconcileResult> {
  const day = todayInDenmark(now);
  const due = dailyTimeOf(deps.digestCron);
  const at = timeIn(now, deps.digestTz);
  const past = at.hour > due.hour || (at.hour === due.hour && at.minute >= due.minute);
  const caughtUp: string[] = [];
  if (past && isBusinessDay(day)) {
    for (const m of deps.municipalities) if (!(await deps.store.hasRun(m, day))) caughtUp.push(m);
    if (caughtUp.length > 0) await deps.runDay(day, caughtUp);
  }
  const keys = await deps.store.openKeys(day);
  await deps.enqueue(keys);
  const result = { day, caughtUp, requeued: keys.length };
  if (caughtUp.length > 0 || keys.length > 0) deps.logger.info(result, 'reconciled the day from PostgreSQL');
  return result;
}
