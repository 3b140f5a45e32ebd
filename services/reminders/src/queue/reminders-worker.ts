import { UnrecoverableError, Worker, type IQueueBackend } from 'bullmq';
import type { Logger } from '@helhed/server';
import { runDailyDigest } from '../digest/daily-digest';
import { deliverEmail, parseEmailRequest, type DeliveryLedger, type EmailRequest } from '../delivery/email-delivery';
import type { Mailer } from '../mail/mailer';
import type { QueueBackend } from './backend';
import {
  DAILY_DIGEST,
  REMINDERS_QUEUE,
  SEND_EMAIL,
  type RemindersJob,
  type RemindersJobData,
  type RemindersJobName,
  type RemindersJobResult,
} from './reminders-queue';

export type RemindersWorker = Worker<RemindersJobData, RemindersJobResult, RemindersJobName, IQueueBackend>;

export interface JobHandlers {
  ledger: DeliveryLedger;
  mailer: Mailer;
  logger: Logger;
}

/** Runs one job of the reminders queue. */
export function createProcessor({ ledger, mailer, logger }: JobHandlers) {
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
      case DAILY_DIGEST:
        return runDailyDigest(logger);
      default:
        throw new UnrecoverableError(`unknown job name ${String(job.name)}`);
    }
  };
}

export function createRemindersWorker(
  backend: QueueBackend,
  handlers: JobHandlers,
  options: { concurrency?: number } = {},
): RemindersWorker {
  const { logger } = handlers;
  const worker = new Worker(
    REMINDERS_QUEUE,
    createProcessor(handlers),
    { ...backend.options('worker'), concurrency: options.concurrency ?? 5, name: 'reminders' },
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
  worker.on('error', (error) => logger.error({ err: error.message }, 'reminders worker error'));
  return worker;
}
