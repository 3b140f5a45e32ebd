import type { TestRun } from '../database';
import { TEST_RUN_HANDLE } from './global-setup';

/** jest's global teardown: drops the run's test databases. */
export default async function globalTeardown(): Promise<void> {
  const handle = globalThis as { [TEST_RUN_HANDLE]?: TestRun };
  await handle[TEST_RUN_HANDLE]?.end();
  delete handle[TEST_RUN_HANDLE];
}
