import { ensureDatabase, openDatabase } from '@helhed/db';
import { createLogger, type Logger } from '@helhed/server';
import type { RemindersConfig } from './config';
import { entities, migrations } from './db/schema';
import { PostgresDeliveryLedger } from './delivery/postgres-delivery-ledger';
import { createMailer } from './mail/create-mailer';
import { createQueueBackend } from './queue/backend';
import {
  createRemindersQueue,
  scheduleDailyDigest,
  type QueueOptions,
  type RemindersQueue,
} from './queue/reminders-queue';
import { createRemindersWorker, type RemindersWorker } from './queue/reminders-worker';

export interface RemindersWorkerOptions extends QueueOptions {
  logger?: Logger;
  /** Jobs processed at once by this process. */
  concurrency?: number;
}

export interface RunningRemindersWorker {
  queue: RemindersQueue;
  worker: RemindersWorker;
  /** Where the queue lives. */
  backend: 'redis' | 'postgres';
  /** Where mail goes. */
  mail: 'smtp' | 'file';
  logger: Logger;
  /** Stops taking jobs, lets those in flight finish, then closes the queue, the connections and the database. */
  close(): Promise<void>;
}

/**
 * Starts the reminder worker: its own database (migrated), the `reminders`
 * queue with the daily digest's scheduler, and a worker that sends mail.
 */
export async function startRemindersWorker(
  config: RemindersConfig,
  options: RemindersWorkerOptions = {},
): Promise<RunningRemindersWorker> {
  const logger =
    options.logger ??
    createLogger('reminders', { level: config.LOG_LEVEL, production: config.NODE_ENV === 'production' });
  await ensureDatabase(config.DATABASE_URL);
  const db = await openDatabase({ url: config.DATABASE_URL, entities, migrations, poolSize: 5 });
  const mailer = createMailer(config, logger);
  const backend = createQueueBackend(config, logger, options);
  const queue = createRemindersQueue(backend, options);
  let worker: RemindersWorker | undefined;
  let closing: Promise<void> | undefined;
  // In this order: no new jobs, in-flight jobs finish, then what they used. Every step runs even if one fails.
  const close = () =>
    (closing ??= (async () => {
      const steps = [
        () => worker?.close(),
        () => queue.close(),
        () => backend.close(),
        () => mailer.close(),
        () => db.destroy(),
      ];
      const errors: unknown[] = [];
      for (const step of steps)
        await Promise.resolve()
          .then(step)
          .catch((error: unknown) => errors.push(error));
      if (errors.length > 0) throw errors[0];
    })());
  try {
    await queue.waitUntilReady();
    await scheduleDailyDigest(queue, config.DIGEST_CRON, config.DIGEST_TZ);
    worker = createRemindersWorker(backend, { ledger: new PostgresDeliveryLedger(db), mailer, logger }, options);
    await worker.waitUntilReady();
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  logger.info(
    { queue: backend.kind, mail: mailer.kind, digest: `${config.DIGEST_CRON} ${config.DIGEST_TZ}` },
    'reminder worker started',
  );
  return { queue, worker, backend: backend.kind, mail: mailer.kind, logger, close };
}
