import { Queue, type DefaultJobOptions, type IQueueBackend, type Job } from 'bullmq';
import type { Logger } from '@helhed/server';
import type { DigestRunResult } from '../digest/daily-digest';
import type { DigestSendOutcome } from '../digest/digest-delivery';
import type { ReconcileResult } from '../digest/reconcile';
import { parseEmailRequest, type DeliveryOutcome, type EmailRequest } from '../delivery/email-delivery';
import type { ExportOutcome } from '../export/run-export';
import { createQueueBackend, type QueueBackend, type QueueBackendSettings } from './backend';

export const REMINDERS_QUEUE = 'reminders';
export const SEND_EMAIL = 'send-email';
export const DAILY_DIGEST = 'daily-digest';
export const SEND_DIGEST = 'send-digest';
export const RECONCILE = 'reconcile';
export const EVALUATOR_EXPORT = 'evaluator-export';

export type RemindersJobName =
  typeof SEND_EMAIL | typeof DAILY_DIGEST | typeof SEND_DIGEST | typeof RECONCILE | typeof EVALUATOR_EXPORT;
export type SendEmailJobData = EmailRequest;
export interface SendDigestJobData {
  deliveryKey: string;
}
/** A daily run for a given day (tests, operators); the scheduler's runs leave it out and use today. */
export interface DailyDigestJobData {
  day?: string;
}
/** An evaluator export to run: the request's row in `evaluator_export`. */
export interface EvaluatorExportJobData {
  exportId: string;
}
export type RemindersJobData =
  SendEmailJobData | SendDigestJobData | DailyDigestJobData | EvaluatorExportJobData | Record<string, never>;
export type RemindersJobResult =
  DeliveryOutcome | DigestRunResult | DigestSendOutcome | ReconcileResult | ExportOutcome;

/** The `reminders` queue, on Redis or on PostgreSQL. */
export type RemindersQueue = Queue<
  RemindersJobData,
  RemindersJobResult,
  RemindersJobName,
  RemindersJobData,
  RemindersJobResult,
  RemindersJobName,
  IQueueBackend,
  unknown
>;
export type RemindersJob = Job<RemindersJobData, RemindersJobResult, RemindersJobName>;

const DAY_SECONDS = 24 * 60 * 60;

/** The first retry waits this long, then twice as long each time (1, 2, 4, 8 minutes). */
export const DEFAULT_RETRY_DELAY_MS = 60_000;

export function jobOptions(retryDelayMs: number = DEFAULT_RETRY_DELAY_MS): DefaultJobOptions {
  return {
    attempts: 5,
    backoff: { type: 'exponential', delay: retryDelayMs },
    // Completed jobs stay a week, so the job id (the delivery key) also
    // deduplicates in the queue; the delivery record deduplicates for ever.
    removeOnComplete: { age: 7 * DAY_SECONDS },
    removeOnFail: { age: 30 * DAY_SECONDS },
  };
}

export interface QueueOptions {
  /** BullMQ key prefix on Redis (tests use one per run). Ignored on PostgreSQL, where the schema namespaces. */
  prefix?: string;
  /** The first retry's delay; later retries double it. */
  retryDelayMs?: number;
}

export function createRemindersQueue(backend: QueueBackend, options: QueueOptions = {}): RemindersQueue {
  return new Queue(
    REMINDERS_QUEUE,
    { ...backend.options('queue'), defaultJobOptions: jobOptions(options.retryDelayMs) },
    backend.factory,
  ) as RemindersQueue;
}

/**
 * A producer's handle on the reminders queue, for code that enqueues mail
 * without running the worker. `close()` closes the queue and its connection.
 */
export function openRemindersQueue(
  settings: QueueBackendSettings,
  logger: Logger,
  options: QueueOptions = {},
): { queue: RemindersQueue; close(): Promise<void> } {
  const backend = createQueueBackend(settings, logger, options);
  const queue = createRemindersQueue(backend, options);
  return {
    queue,
    async close() {
      await queue.close();
      await backend.close();
    },
  };
}

/**
 * Puts one email on the queue. The delivery key is the job id, so enqueuing a
 * key again while its job is kept is a no-op, and the delivery record makes a
 * key that was sent never send again. A key whose job failed for good is
 * retried, so that re-enqueuing what is still due is always safe.
 */
export async function enqueueEmail(queue: RemindersQueue, email: EmailRequest): Promise<RemindersJob> {
  const data = parseEmailRequest(email);
  const job = await queue.add(SEND_EMAIL, data, { jobId: data.deliveryKey });
  if ((await job.getState()) === 'failed') await job.retry('failed');
  return job;
}

/** Registers (or updates in place) the daily digest's job scheduler; idempotent across restarts. */
export async function scheduleDailyDigest(queue: RemindersQueue, pattern: string, tz: string): Promise<void> {
  await queue.upsertJobScheduler(DAILY_DIGEST, { pattern, tz }, { name: DAILY_DIGEST });
}

/** Registers (or updates in place) the reconciliation's job scheduler (RECONCILE_CRON). */
export async function scheduleReconcile(queue: RemindersQueue, pattern: string, tz: string): Promise<void> {
  await queue.upsertJobScheduler(RECONCILE, { pattern, tz }, { name: RECONCILE });
}

/**
 * Puts a digest's send job on the queue; its job id is the digest's delivery
 * key, so a key already queued (or being sent) is not queued twice. A job that
 * failed in the queue while its row is still to send (it stalled too often, or
 * a transient failure was re-opened) is retried with a fresh set of attempts.
 */
export async function enqueueDigest(queue: RemindersQueue, deliveryKey: string): Promise<void> {
  const job = await queue.add(SEND_DIGEST, { deliveryKey }, { jobId: deliveryKey });
  const state = await job.getState();
  if (state === 'failed') await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
  else if (state === 'completed') {
    // Completed jobs are kept a week; the row says it is still to send (e.g. reset by an operator).
    await job.remove().catch(() => undefined);
    await queue.add(SEND_DIGEST, { deliveryKey }, { jobId: deliveryKey });
  }
}

/** The job id of an evaluator export: derived from the export's id, so an export is queued once. */
export const exportJobId = (exportId: string) => `export.${exportId}`;

/**
 * Puts an evaluator export on the queue (idempotent: a job still queued or
 * running is left alone). Called for exports the database says are unfinished,
 * so a job that failed for good in the queue is retried, and a completed one
 * (kept a week) is replaced.
 */
export async function enqueueEvaluatorExport(queue: RemindersQueue, exportId: string): Promise<void> {
  const jobId = exportJobId(exportId);
  const job = await queue.add(EVALUATOR_EXPORT, { exportId }, { jobId });
  const state = await job.getState();
  if (state === 'failed') await job.retry('failed');
  else if (state === 'completed') {
    await job.remove().catch(() => undefined);
    await queue.add(EVALUATOR_EXPORT, { exportId }, { jobId });
  }
}
