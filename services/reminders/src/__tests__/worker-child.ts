/**
 * A reminder worker in a child process, for the process tests (SIGKILL, SIGTERM):
 * started like `main.ts` (runService: SIGTERM closes it gracefully), with the
 * Easter fixtures as what is due and the clock at 07:00 on CHILD_DAY. When
 * CHILD_RUN_DAY is set it runs that day's digests once started.
 */
import { runService } from '@helhed/server';
import { startRemindersWorker } from '../service';
import { CASEWORKERS, EASTER_PREFERENCES, EASTER_SNAPSHOT, morningOf } from './easter-week';
import { FixtureDueSource, silentLogger, testConfig } from './harness';

runService('reminders-child', async () => {
  const day = process.env.CHILD_DAY ?? '2026-04-13';
  const running = await startRemindersWorker(
    testConfig({
      DATABASE_URL: process.env.DATABASE_URL,
      REDIS_URL: process.env.REDIS_URL,
      SMTP_URL: process.env.SMTP_URL,
    }),
    {
      logger: silentLogger(),
      prefix: process.env.QUEUE_PREFIX!,
      dueSource: new FixtureDueSource(EASTER_SNAPSHOT, CASEWORKERS),
      now: () => morningOf(day),
      reconcileAtStart: false,
      concurrency: 1,
      lockDuration: 1000,
      stalledInterval: 500,
    },
  );
  for (const p of EASTER_PREFERENCES) await running.store.setPreference('630', p);
  if (process.env.CHILD_RUN_DAY) await running.runDay(process.env.CHILD_RUN_DAY);
  process.send?.('ready');
  return running;
});
