import { beginTestRun, TEST_RUN_ENV, type TestRun } from '../database';

/** The run's handle, for the global teardown (jest runs both in its main process). */
export const TEST_RUN_HANDLE = Symbol.for('helhed.testRun');

/**
 * jest's global setup: the run's id for its workers (they inherit the
 * environment), so its test databases are dropped together at its end.
 */
export default async function globalSetup(): Promise<void> {
  const run = await beginTestRun();
  process.env[TEST_RUN_ENV] = run.id;
  (globalThis as { [TEST_RUN_HANDLE]?: TestRun })[TEST_RUN_HANDLE] = run;
}
