/**
 * A reminder worker in a child process, for the process tests (SIGKILL, SIGTERM):
 * started like `main.ts` (runService: SIGTERM closes it gracefully), with the
 * clock at 07:00 on CHILD_DAY (or at CHILD_NOW). What is due: the Easter
 * fixtures, or with CHILD_MANY=<n> n caseworkers with one digest each on
 * CHILD_DAY. When CHILD_RUN_DAY is set it runs that day's digests once started.
 * CHILD_RECONCILE_MS turns on the reconciliation at start and sets its period.
 * With CHILD_STANDBY=1 it loads its modules, says 'loaded' and starts the worker
 * only on 'go': a restart after a kill then does not wait for a module load.
 * CHILD_SERVICE_MODULE loads the worker from there instead of the sources (the
 * fault test passes the build when it is up to date: a third of the start-up CPU).
 */
import { createRequire } from 'node:module';
import { runService } from '@helhed/server';
import { CASEWORKERS, EASTER_PREFERENCES, EASTER_SNAPSHOT, morningOf } from './easter-week';
import { FixtureDueSource, silentLogger, testConfig } from './harness';
import { manyDue } from './many-due';

runService('reminders-child', async () => {
  const { startRemindersWorker } = createRequire(__filename)(
    process.env.CHILD_SERVICE_MODULE ?? '../service',
  ) as typeof import('../service');
  if (process.env.CHILD_STANDBY) {
    process.send?.('loaded');
    await new Promise<void>((resolve) => process.on('message', (m) => m === 'go' && resolve()));
  }
  const day = process.env.CHILD_DAY ?? '2026-04-13';
  const many = process.env.CHILD_MANY ? manyDue(Number(process.env.CHILD_MANY), day) : undefined;
  const at = process.env.CHILD_NOW ? new Date(process.env.CHILD_NOW) : morningOf(day);
  const reconcileMs = process.env.CHILD_RECONCILE_MS ? Number(process.env.CHILD_RECONCILE_MS) : undefined;
  const running = await startRemindersWorker(
    testConfig({
      DATABASE_URL: process.env.DATABASE_URL,
      REDIS_URL: process.env.REDIS_URL,
      SMTP_URL: process.env.SMTP_URL,
    }),
    {
      logger: silentLogger(),
      prefix: process.env.QUEUE_PREFIX!,
      dueSource: many
        ? new FixtureDueSource(many.snapshot, many.caseworkers)
        : new FixtureDueSource(EASTER_SNAPSHOT, CASEWORKERS),
      now: () => at,
      reconcileAtStart: reconcileMs !== undefined,
      ...(reconcileMs !== undefined ? { reconcileIntervalMs: reconcileMs } : {}),
      concurrency: 1,
      lockDuration: 1000,
      stalledInterval: 500,
    },
  );
  if (!many) for (const p of EASTER_PREFERENCES) await running.store.setPreference('630', p);
  if (process.env.CHILD_RUN_DAY) await running.runDay(process.env.CHILD_RUN_DAY);
  process.send?.('ready');
  return running;
});
