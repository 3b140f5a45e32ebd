import { clock, todayInDenmark } from '@helhed/calendar';
import { openDatabase, prepareDatabaseAccounts } from '@helhed/db';
import { createCallerTokenVerifier } from '@helhed/identity';
import { createLogger, describeError, type Logger } from '@helhed/server';
import type { RemindersConfig } from './config';
import { entities, migrations } from './db/schema';
import { PostgresDeliveryLedger } from './delivery/postgres-delivery-ledger';
import { runDailyDigest, type DigestRunDeps, type DigestRunResult } from './digest/daily-digest';
import { sendDigest, TransientSendError, type DigestSendOutcome } from './digest/digest-delivery';
import { DigestStore } from './digest/digest-store';
import { reconcile, startReconcileLoop, type ReconcileResult } from './digest/reconcile';
import type { DueSource } from './due/due';
import { GraphDueSource } from './due/graph-due-source';
import { ExportStore } from './export/export-store';
import { exportHousekeeping } from './export/export-housekeeping';
import { runEvaluatorExport } from './export/run-export';
import { createMailer } from './mail/create-mailer';
import type { Mailer } from './mail/mailer';
import { dashboardHandler, queueSnapshot } from './ops/dashboard';
import { ReminderMetrics, startOpsServer } from './ops/metrics';
import { createQueueBackend } from './queue/backend';
import {
  createRemindersQueue,
  enqueueDigest,
  enqueueEvaluatorExport,
  scheduleDailyDigest,
  scheduleReconcile,
  type QueueOptions,
  type RemindersQueue,
} from './queue/reminders-queue';
import { createRemindersWorker, type RemindersWorker } from './queue/reminders-worker';
import { leadTimesOf } from './rules/lead-times';

export interface RemindersWorkerOptions extends QueueOptions {
  logger?: Logger;
  /** Jobs processed at once by this process. */
  concurrency?: number;
  /** The clock (tests move it; never waited on); the platform's clock (`@helhed/calendar`, HELHED_NOW) by default. */
  now?: () => Date;
  /** Where what is due is read; the gateway with the worker's SERVICE token by default. */
  dueSource?: DueSource;
  /** A mailer to use instead of the configured one (tests wrap the SMTP mailer). */
  mailer?: Mailer;
  /** Test hook: after SMTP accepted a digest, before its row is marked SENT. */
  afterAccepted?: (deliveryKey: string) => Promise<void>;
  /** BullMQ's stalled-job check interval (ms); tests shorten it to pick up a killed worker's jobs. */
  stalledInterval?: number;
  /** How long a job's lock lasts without renewal (ms); a killed worker's job is picked up after it. */
  lockDuration?: number;
  /** The ops endpoints' port instead of METRICS_PORT (0 = a free port). */
  opsPort?: number;
  /** Skip the catch-up/reconciliation at start (tests that drive days by hand). */
  reconcileAtStart?: boolean;
  /** The in-process reconciliation's period (ms) instead of RECONCILE_INTERVAL_SECONDS (tests shorten it). */
  reconcileIntervalMs?: number;
  /** The start-up catch-up's back-off while it fails (the gateway not up yet): first wait and cap, in ms. */
  catchUpBackoffMs?: { first: number; max: number };
}

/** 1 s, doubling, at most 30 s: the gateway of `npm start` answers within seconds; one that is down is not hammered. */
const CATCH_UP_BACKOFF_MS = { first: 1000, max: 30_000 };

export interface RunningRemindersWorker {
  queue: RemindersQueue;
  worker: RemindersWorker;
  store: DigestStore;
  metrics: ReminderMetrics;
  /** Where the queue lives. */
  backend: 'redis' | 'postgres';
  /** Where mail goes. */
  mail: 'smtp' | 'file';
  logger: Logger;
  /** The port of /healthz, /readyz and /metrics; null when METRICS_PORT is 0 and not asked for. */
  opsPort: number | null;
  /** Runs a day's digests now (writes the rows and enqueues them). */
  runDay(day: string): Promise<DigestRunResult>;
  /** Catch-up and re-creation of jobs from PostgreSQL (also at start and hourly). */
  reconcile(): Promise<ReconcileResult>;
  /**
   * The start-up catch-up, run in the background until it succeeds: its result, or null when it was not
   * asked for (`reconcileAtStart: false`) or the worker closed first.
   */
  startupCatchUp: Promise<ReconcileResult | null>;
  /** Stops taking jobs, lets those in flight finish, then closes the queue, the connections and the database. */
  close(): Promise<void>;
}

/**
 * Starts the reminder worker: its own database (migrated), the `reminders`
 * queue with the daily digest's and the reconciliation's schedulers, a worker
 * that builds and sends digests, and the ops endpoints.
 */
export async function startRemindersWorker(
  config: RemindersConfig,
  options: RemindersWorkerOptions = {},
): Promise<RunningRemindersWorker> {
  const logger =
    options.logger ??
    createLogger('reminders', { level: config.LOG_LEVEL, production: config.NODE_ENV === 'production' });
  const now = options.now ?? (() => clock.now());
  // The same owner account as the notifications subgraph this service also serves migrates (and owns) the
  // tables, so the application role's grants cover them (README, "Tenancy wall"). The worker's tables hold no
  // tenant rows behind the wall; it works as the owner.
  const accounts = await prepareDatabaseAccounts(config);
  const db = await openDatabase({ url: accounts.ownerUrl, entities, migrations, poolSize: 8 });
  const store = new DigestStore(db);
  const exports = new ExportStore(db);
  const mailer = options.mailer ?? createMailer(config, logger);
  const backend = createQueueBackend(config, logger, options);
  const queue = createRemindersQueue(backend, options);
  const metrics = new ReminderMetrics(() => queue.getJobCounts('waiting', 'active', 'delayed', 'failed'));
  const municipalities = config.MUNICIPALITIES.split(',').map((m) => m.trim());
  const deps: DigestRunDeps = {
    source: options.dueSource ?? new GraphDueSource(config),
    store,
    lead: leadTimesOf(config),
    frontendBaseUrl: config.FRONTEND_BASE_URL,
    municipalities,
    logger,
  };
  const enqueue = async (keys: string[]) => {
    for (const key of keys) await enqueueDigest(queue, key);
  };
  const runDay = async (day: string, only: string[] = municipalities) => {
    const result = await runDailyDigest({ ...deps, municipalities: only }, day, enqueue);
    metrics.built.inc(result.digests);
    return result;
  };
  const exportsHousekeeping = () =>
    exportHousekeeping(
      {
        store: exports,
        enqueue: (id) => enqueueEvaluatorExport(queue, id),
        retentionDays: config.EXPORT_RETENTION_DAYS,
        logger,
      },
      now(),
    );
  const ensureSchedulers = async () => {
    await scheduleDailyDigest(queue, config.DIGEST_CRON, config.DIGEST_TZ);
    await scheduleReconcile(queue, config.RECONCILE_CRON, config.DIGEST_TZ);
  };
  const reconcileNow = async () => {
    const result = await reconcile(
      {
        store,
        municipalities,
        digestCron: config.DIGEST_CRON,
        digestTz: config.DIGEST_TZ,
        windowDays: config.DIGEST_WINDOW_BUSINESS_DAYS,
        logger,
        runDay,
        enqueue,
        ensureSchedulers,
      },
      now(),
    );
    metrics.expired.inc(result.expired);
    metrics.reopened.inc(result.reopened);
    return { ...result, exports: await exportsHousekeeping() };
  };
  const send = async (key: string, attempt: number, attempts: number): Promise<DigestSendOutcome> => {
    try {
      const outcome = await sendDigest(store, mailer, key, {
        attempt,
        attempts,
        onResend: () => metrics.resent.inc(),
        ...(options.afterAccepted ? { afterAccepted: options.afterAccepted } : {}),
      });
      if (outcome.sent) metrics.sent.inc();
      return outcome;
    } catch (error) {
      if (error instanceof TransientSendError) metrics.retried.inc();
      else metrics.failed.inc();
      throw error;
    }
  };

  // The start-up catch-up reads the gateway, which `npm start` launches beside this worker, not before it: it
  // runs in the background, retrying with back-off until the gateway answers, and says so once (not per retry).
  let catchUpStopped = false;
  let wakeCatchUp: (() => void) | undefined;
  const catchUpInBackground = async (): Promise<ReconcileResult | null> => {
    const { first, max } = options.catchUpBackoffMs ?? CATCH_UP_BACKOFF_MS;
    const startedAt = Date.now();
    let delay = first;
    for (let attempt = 1; !catchUpStopped; attempt++) {
      try {
        const result = await reconcileNow();
        if (attempt > 1)
          logger.info(
            { attempts: attempt, seconds: Math.round((Date.now() - startedAt) / 1000) },
            'start-up catch-up done',
          );
        return result;
      } catch (error) {
        // Closing while an attempt runs makes it fail on closed connections: nothing to report.
        if (catchUpStopped) break;
        const why = describeError(error);
        if (attempt === 1)
          logger.warn(
            `start-up catch-up postponed: ${why}; retrying in the background ` +
              `(after ${first / 1000} s, doubling up to ${max / 1000} s) until it succeeds`,
          );
        else logger.debug({ attempt, err: why }, 'start-up catch-up failed again');
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          wakeCatchUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        delay = Math.min(delay * 2, max);
      }
    }
    return null;
  };
  let startupCatchUp: Promise<ReconcileResult | null> = Promise.resolve(null);

  let worker: RemindersWorker | undefined;
  let ops: { port: number; close(): Promise<void> } | undefined;
  let loop: ReturnType<typeof startReconcileLoop> | undefined;
  let closing: Promise<void> | undefined;
  // In this order: no new jobs, in-flight jobs finish, then what they used. Every step runs even if one fails.
  const close = () =>
    (closing ??= (async () => {
      const steps = [
        () => loop?.stop(),
        async () => {
          catchUpStopped = true;
          wakeCatchUp?.();
          // An attempt in flight ends with the gateway's answer (or its timeout); not waited on for longer.
          await Promise.race([startupCatchUp, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
        },
        () => ops?.close(),
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
    await ensureSchedulers();
    worker = createRemindersWorker(
      backend,
      {
        ledger: new PostgresDeliveryLedger(db),
        mailer,
        logger,
        runDigest: (day) => runDay(day ?? todayInDenmark(now())),
        sendDigest: send,
        reconcile: reconcileNow,
        runExport: (exportId, attempt) =>
          runEvaluatorExport({ store: exports, gateway: config, logger }, exportId, attempt),
      },
      {
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        ...(options.stalledInterval ? { stalledInterval: options.stalledInterval } : {}),
        ...(options.lockDuration ? { lockDuration: options.lockDuration } : {}),
      },
    );
    await worker.waitUntilReady();
    const opsPort = options.opsPort ?? config.METRICS_PORT;
    if (opsPort > 0 || options.opsPort === 0) {
      const running = worker;
      const verify = createCallerTokenVerifier({
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        secret: config.JWT_SECRET,
        ...(config.JWKS_URL ? { jwksUrl: config.JWKS_URL } : {}),
      });
      ops = await startOpsServer(
        opsPort,
        metrics,
        {
          alive: () => running.isRunning(),
          ready: async () => (await db.query('SELECT 1')).length === 1,
        },
        dashboardHandler(verify, () => queueSnapshot(queue)),
      );
    }
    // Reconciliation on a timer of this process: it goes on when a Redis flush took the `reconcile` scheduler,
    // and re-creates both schedulers each time; a Redis that comes back (maybe empty) is reconciled at once.
    loop = startReconcileLoop(
      reconcileNow,
      options.reconcileIntervalMs ?? config.RECONCILE_INTERVAL_SECONDS * 1000,
      logger,
    );
    const running = loop;
    backend.onReconnect(() => void running.trigger('redis reconnected'));
    // Catch-up of a day whose digest time passed while no worker ran, and exports recorded while no worker ran
    // (or whose enqueue failed): in the background, since the gateway may not be up yet.
    if (options.reconcileAtStart !== false) startupCatchUp = catchUpInBackground();
    else await exportsHousekeeping();
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  logger.info(
    { queue: backend.kind, mail: mailer.kind, digest: `${config.DIGEST_CRON} ${config.DIGEST_TZ}`, municipalities },
    'reminder worker started',
  );
  return {
    queue,
    worker,
    store,
    metrics,
    backend: backend.kind,
    mail: mailer.kind,
    logger,
    opsPort: ops?.port ?? null,
    runDay: (day) => runDay(day),
    reconcile: reconcileNow,
    startupCatchUp,
    close,
  };
}
