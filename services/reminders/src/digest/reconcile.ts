import { addBusinessDays, isBusinessDay, todayInDenmark } from '@helhed/calendar';
import type { Logger } from '@helhed/server';
import type { DigestStore } from './digest-store';

export interface ReconcileResult {
  day: string;
  /** Municipalities whose daily run was caught up (the worker was down at digest time, or Redis lost the job). */
  caughtUp: string[];
  /** The first day of the window (digests from this day on are still sent). */
  from: string;
  /** Digests of the window not sent yet whose jobs were (re-)created. */
  requeued: number;
  /** Transient failures of the window re-opened for another round of attempts. */
  reopened: number;
  /** Digests older than the window still unsent, now FAILED (EXPIRED). */
  expired: number;
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
  /** Business days (today included) whose unsent digests are still sent; older ones are given up. */
  windowDays: number;
  logger: Logger;
  /** Runs the day's digests for the municipalities given (and enqueues them). */
  runDay(day: string, municipalities: string[]): Promise<unknown>;
  enqueue(keys: string[]): Promise<void>;
  /** Re-creates the job schedulers (upserts with stable ids: a no-op when they exist; after a Redis flush, not). */
  ensureSchedulers?(): Promise<void>;
}

/**
 * The first day of the window of the last `windowDays` business days: the
 * `windowDays`-th business day counting back from today (today counts when it
 * is one). Digests from that day on are still sent.
 */
export function windowStart(today: string, windowDays: number): string {
  return addBusinessDays(today, isBusinessDay(today) ? -(windowDays - 1) : -windowDays);
}

/**
 * PostgreSQL is the truth. Re-creates the job schedulers; after the day's
 * digest time on a business day, runs a municipality that has no recorded run
 * today (catch-up); re-opens the transient failures of the window, and gives
 * every digest of the window not yet sent its job back (after a restart, a
 * Redis flush, over midnight, or when an SMTP outage has ended). Digests older
 * than the window still unsent become FAILED (EXPIRED) with the reason.
 */
export async function reconcile(deps: ReconcileDeps, now: Date): Promise<ReconcileResult> {
  await deps.ensureSchedulers?.();
  const day = todayInDenmark(now);
  const due = dailyTimeOf(deps.digestCron);
  const at = timeIn(now, deps.digestTz);
  const past = at.hour > due.hour || (at.hour === due.hour && at.minute >= due.minute);
  const caughtUp: string[] = [];
  // The catch-up reads the gateway; when it fails, what PostgreSQL already holds is still reconciled.
  let catchUpFailed: unknown;
  if (past && isBusinessDay(day)) {
    for (const m of deps.municipalities) if (!(await deps.store.hasRun(m, day))) caughtUp.push(m);
    if (caughtUp.length > 0) await deps.runDay(day, caughtUp).catch((error: unknown) => (catchUpFailed = error));
  }
  const from = windowStart(day, deps.windowDays);
  const expired = await deps.store.expire(
    from,
    `Not sent within ${deps.windowDays} business days (given up on ${day}; the window starts ${from})`,
  );
  const reopened = await deps.store.reopenTransient(from);
  const keys = await deps.store.openKeys(from);
  await deps.enqueue(keys);
  const result = { day, from, caughtUp, requeued: keys.length, reopened, expired };
  if (caughtUp.length > 0 || keys.length > 0 || expired > 0)
    deps.logger.info(result, 'reconciled the unsent digests from PostgreSQL');
  if (expired > 0) deps.logger.warn({ expired, from }, 'digests not sent within the window were given up (FAILED)');
  if (catchUpFailed !== undefined) throw catchUpFailed;
  return result;
}

/**
 * Runs `run` every `periodMs` in this process, whatever happened to Redis (the
 * queue's own `reconcile` scheduler vanishes with a FLUSHALL; this timer does
 * not). Runs never overlap; a failed run is logged and the next one tries again.
 * `trigger()` runs it now (e.g. when Redis is back after a reconnect).
 */
export function startReconcileLoop(
  run: () => Promise<unknown>,
  periodMs: number,
  logger: Logger,
): { trigger(reason: string): Promise<void>; stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  let stopped = false;
  let failing = false;
  const trigger = (reason: string): Promise<void> => {
    if (stopped) return Promise.resolve();
    // A run in progress already reads what the new trigger would.
    running ??= run()
      .then(() => {
        if (failing) logger.info({ reason }, 'reconciliation works again');
        failing = false;
      })
      .catch((error: unknown) => {
        // Logged once per failing spell: Redis or PostgreSQL down is retried at the next tick.
        if (!failing) logger.warn({ reason, err: (error as Error).message }, 'reconciliation failed; retrying later');
        failing = true;
      })
      .finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(() => void trigger('timer'), periodMs);
  timer.unref();
  return {
    trigger,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
