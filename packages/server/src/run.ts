import { clockNotice, ClockSettingError } from '@helhed/calendar';
import { ConfigError } from '@helhed/config';
import { describeError } from './describe-error';

/**
 * The entry point of a service process: starts it, reports a bad configuration
 * as one clear message (no stack trace), and on SIGINT/SIGTERM closes it
 * (stops taking requests, finishes those in flight, closes pools) before exit.
 * A signal that comes while the service is still starting (Ctrl-C right after
 * `npm start`) lets the start finish, then closes it the same way.
 */
export function runService(name: string, start: () => Promise<{ close(): Promise<void> }>): void {
  logClockNotice(name);
  // Through a promise, so a configuration error thrown synchronously by `start` gets the clear message too.
  const started = Promise.resolve().then(start);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => {
      console.error(`[${name}] did not stop within 10 s after ${signal}; exiting`);
      process.exit(1);
    }, 10_000);
    force.unref();
    started
      .then((running) => running.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        // A start that failed has said so below.
        if (!failedToStart) console.error(`[${name}] failed to stop cleanly: ${describeError(error)}`);
        process.exit(1);
      });
  };
  let failedToStart = false;
  process.on('SIGTERM', () => stop('SIGTERM'));
  if (typeof process.send === 'function') {
    // Started by a launcher over an IPC channel (`npm start`): the launcher stops the processes in order — the
    // gateway before the subgraphs it calls — so Ctrl-C, which the terminal sends to every process of the
    // group at once, is left to it. Should the launcher be gone, its channel closes and the process stops itself.
    process.on('SIGINT', () => undefined);
    process.on('disconnect', () => stop('the launcher exited'));
    if (!process.connected) stop('the launcher exited');
  } else process.on('SIGINT', () => stop('SIGINT'));
  started.catch((error: unknown) => {
    failedToStart = true;
    if (error instanceof ConfigError) console.error(error.message);
    else console.error(`[${name}] failed to start: ${describeError(error)}`);
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
