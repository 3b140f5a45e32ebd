import { clockNotice, ClockSettingError } from '@helhed/calendar';
import { ConfigError } from '@helhed/config';

/**
 * The entry point of a service process: starts it, reports a bad configuration
 * as one clear message (no stack trace), and on SIGINT/SIGTERM closes it
 * (stops taking requests, finishes those in flight, closes pools) before exit.
 */
export function runService(name: string, start: () => Promise<{ close(): Promise<void> }>): void {
  logClockNotice(name);
  // Through a promise, so a configuration error thrown synchronously by `start` gets the clear message too.
  Promise.resolve()
    .then(start)
    .then((running) => {
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        const force = setTimeout(() => {
          console.error(`[${name}] did not stop within 10 s after ${signal}; exiting`);
          process.exit(1);
        }, 10_000);
        force.unref();
        running
          .close()
          .then(() => process.exit(0))
          .catch((error: unknown) => {
            console.error(`[${name}] failed to stop cleanly`, error);
            process.exit(1);
          });
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    })
    .catch((error: unknown) => {
      if (error instanceof ConfigError) console.error(error.message);
      else console.error(`[${name}] failed to start:`, error instanceof Error ? error.message : error);
      process.exit(1);
    });
}

/**
 * One start-up line when the process's clock is not the wall clock (HELHED_NOW).
 * A malformed or forbidden setting is left to the service's loadConfig, which
 * stops the start with the ConfigError that names it.
 */
function logClockNotice(name: string): void {
  try {
    const notice = clockNotice();
    if (notice) console.log(`[${name}] ${notice}`);
  } catch (error) {
    if (!(error instanceof ClockSettingError)) throw error;
  }
}
