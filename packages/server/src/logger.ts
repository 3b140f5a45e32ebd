import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

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
  const base = { level: options.level ?? 'info', base: { service } };
  if (options.destination) return pino(base, options.destination);
  if (options.production) return pino(base);
  return pino(
    base,
    pretty({
      sync: true,
      colorize: process.stdout.isTTY === true,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,service',
      messageFormat: `[${service}] {msg}`,
    }),
  );
}
