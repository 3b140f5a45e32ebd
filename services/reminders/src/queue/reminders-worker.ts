import { UnrecoverableError, Worker, type IQueueBackend } from 'bullmq';
import type { Logger } from '@helhed/server';
import { deliverEmail, parseEmailRequest, type DeliveryLedger, type EmailRequest } from '../delivery/email-delivery';
import { PermanentSendError, type DigestSendOutcome } from '../digest/digest-delivery';
import type { DigestRunResult } from '../digest/daily-digest';
import type { ReconcileResult } from '../digest/reconcile';
import type { ExportOutcome } from '../export/run-export';
import type { Mailer } from '../mail/mailer';
import type { QueueBackend } from './backend';
import {
  DAILY_DIGEST,
  EVALUATOR_EXPORT,
  RECONCILE,
  REMINDERS_QUEUE,
  SEND_DIGEST,
  SEND_EMAIL,
  type DailyDigestJobData,
  type EvaluatorExportJobData,
  type RemindersJob,
  type RemindersJobData,
  type RemindersJobName,
  type RemindersJobResult,
  type SendDigestJobData,
} from './reminders-queue';

export type RemindersWorker = Worker<RemindersJobData, RemindersJobResult, RemindersJobName, IQueueBackend>;

export interface JobHandlers {
  ledger: DeliveryLedger;
  mailer: Mailer;
  logger: Logger;
  /** The daily run for a day (today when left out). */
  runDigest(day: string | undefined): Promise<DigestRunResult>;
  /** Sends one digest; `attempt` is 1-based, of `attempts`. */
  sendDigest(deliveryKey: string, attempt: number, attempts: number): Promise<DigestSendOutcome>;
  reconcile(): Promise<ReconcileResult>;
  /** Runs one evaluator export; `made` attempts were made before this one, of `of`. */
  runExport?(exportId: string, attempt: { made: number; of: number }): Promise<ExportOutcome>;
}

/** Runs one job of the reminders queue. */
export function createProcessor(handlers: JobHandlers) {
  const { ledger, mailer, logger } = handlers;
  return async (job: RemindersJob): Promise<RemindersJobResult> => {
    switch (job.name) {
      case SEND_EMAIL: {
        let request: EmailRequest;
        try {
          request = parseEmailRequest(job.data);
        } catch (error) {
          // A malformed job never gets better by retrying.
          throw new UnrecoverableError(`send-email job ${job.id} has bad data: ${(error as Error).message}`);
        }
        const outcome = await deliverEmail(request, ledger, mailer);
        if (outcome.skipped) logger.info({ deliveryKey: outcome.deliveryKey }, 'email already sent; not sending again');
        else logger.info({ deliveryKey: outcome.deliveryKey, messageId: outcome.messageId }, 'email sent');
        return outcome;
      }
      case SEND_DIGEST: {
        const { deliveryKey } = job.data as SendDigestJobData;
        try {
          const outcome = await handlers.sendDigest(deliveryKey, job.attemptsMade + 1, job.opts.attempts ?? 1);
          if (outcome.sent) logger.info({ deliveryKey }, 'digest sent');
          else logger.info({ deliveryKey, status: outcome.status }, `digest not sent: ${outcome.reason}`);
          return outcome;
        } catch (error) {
          if (error instanceof PermanentSendError) throw new UnrecoverableError(error.message);
          throw error;
        }
      }
      case DAILY_DIGEST:
        return handlers.runDigest((job.data as DailyDigestJobData).day);
      case RECONCILE:
        return handlers.reconcile();
      case EVALUATOR_EXPORT: {
        if (!handlers.runExport) throw new UnrecoverableError('this worker runs no evaluator exports');
        const { exportId } = job.data as EvaluatorExportJobData;
        return handlers.runExport(exportId, { made: job.attemptsMade, of: job.opts.attempts ?? 1 });
      }
      default:
        throw new UnrecoverableError(`unknown job name ${String(job.name)}`);
    }
  };
}

export function createRemindersWorker(
  backend: QueueBackend,
  handlers: JobHandlers,
  options: { concurrency?: number; stalledInterval?: number; lockDuration?: number } = {},
): RemindersWorker {
  const { logger } = handlers;
  const worker = new Worker(
    REMINDERS_QUEUE,
    createProcessor(handlers),
    {
      ...backend.options('worker'),
      concurrency: options.concurrency ?? 5,
      name: 'reminders',
      ...(options.stalledInterval ? { stalledInterval: options.stalledInterval } : {}),
      ...(options.lockDuration ? { lockDuration: options.lockDuration } : {}),
    },
    backend.factory,
  ) as RemindersWorker;
  worker.on('failed', (job, error) => {
    const willRetry =
      job !== undefined && job.attemptsMade < (job.opts.attempts ?? 1) && !(error instanceof UnrecoverableError);
    logger.warn(
      { job: job?.name, jobId: job?.id, attemptsMade: job?.attemptsMade, willRetry, err: error.message },
      willRetry ? 'job failed; it will be retried' : 'job failed for good',
    );
  });
  worker.on('error', (error) => {
    // Redis lost a job while it ran (a flush, a Redis restarted empty): the digest's row in PostgreSQL is the
    // truth and reconciliation gives it its job back; nothing for an operator to do.
    if (/^Missing (key|lock) for job/.test(error.message))
      logger.warn({ err: error.message }, 'Redis lost a job in progress; reconciliation re-creates it from PostgreSQL');
    else logger.error({ err: error.message }, 'reminders worker error');
  });
  return worker;
}
