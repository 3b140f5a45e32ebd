import { clock, setClock } from '@helhed/calendar';

export interface UseClockOptions {
  /** Stand still at the instant (a test that needs one instant); by default the clock runs on from it. */
  frozen?: boolean;
  /** Set it again before each test (each test starts at the instant), not once for the file or block. */
  each?: boolean;
}

/**
 * Sets the platform clock (@helhed/calendar) for a test file or a `describe`
 * block, and puts it back afterwards (to the wall clock, or to HELHED_NOW when the
 * run sets it). The services of a gateway test run in the test's process, so
 * they see the same clock: a test that pins it no longer depends on the day it
 * runs, and a test that needs "today" reads `today()` when it needs it.
 *
 * `'current'` takes the clock's reading when the block starts: with `frozen`, a
 * block whose steps must share one day keeps the run's instant (HELHED_NOW in the
 * clock passes) without crossing midnight between its requests.
 */
export function useClock(instant: string | Date | 'current', options: UseClockOptions = {}): void {
  const set = () => setClock(instant === 'current' ? clock.now() : instant, { frozen: options.frozen ?? false });
  const reset = () => setClock(null);
  if (options.each) {
    beforeEach(set);
    afterEach(reset);
  } else {
    beforeAll(set);
    afterAll(reset);
  }
}

/** The clock's now and today, for tests that need them at the moment they run (never once at load time). */
export { now, today } from '@helhed/calendar';
