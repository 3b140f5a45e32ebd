import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/**
 * Set by the test run (`jest/log-check-sequencer.mjs`) when the whole suite's
 * log output is to be checked for personal data: every logger of the process
 * then also writes JSON lines at `debug` to one file per jest worker in this
 * folder, whatever level and destination it was created with.
 */
export const TEST_LOG_DIR_ENV = 'HELHED_TEST_LOG_DIR';

let testSink: DestinationStream | undefined;

function testLogSink(): DestinationStream | undefined {
  const dir = process.env[TEST_LOG_DIR_ENV];
  if (!dir) return undefined;
  if (!testSink) {
    mkdirSync(join(dir, 'logs'), { recursive: true });
    const file = join(dir, 'logs', `worker-${process.env.JEST_WORKER_ID ?? '0'}-${process.pid}.log`);
    // Synchronous: the lines are on disk when a test file ends, before the check reads them.
    testSink = pino.destination({ dest: file, sync: true, append: true });
  }
  return testSink;
}

/**
 * One logger per process. JSON lines in production (for the log shipper);
 * one readable line per event elsewhere, so `npm start`'s interleaved output
 * of six processes stays readable.
 */
export function createLogger(
  service: string,
  options: {
    level?: string;
    production?: boolean;
    /** Where the JSON lines go instead of stdout (tests that read the log). */
    destination?: DestinationStream;
  } = {},
): Logger {
  const level = options.level ?? 'info';
  const base = { level, base: { service } };
  const sink = testLogSink();
  const destination: DestinationStream | undefined = options.destination
    ? options.destination
    : options.production
      ? sink && pino.destination(1)
      : pretty({
          sync: true,
          colorize: process.stdout.isTTY === true,
          singleLine: true,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname,service',
          messageFormat: `[${service}] {msg}`,
        });
  if (!sink) return destination ? pino(base, destination) : pino(base);
  return pino(
    { ...base, level: 'debug' },
    pino.multistream([
      { level: level as pino.Level, stream: destination! },
      { level: 'debug', stream: sink },
    ]),
  );
}
