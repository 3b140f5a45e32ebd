/**
 * The platform's one clock. Every "now" and "today" in services and tests comes
 * from here, never from `new Date()`, `Date.now()` or PostgreSQL's `now()` where a
 * decision depends on it.
 *
 * The clock runs at real speed from a starting instant: by default the wall
 * clock itself; with `HELHED_NOW` (an ISO 8601 instant with its offset, e.g.
 * `2026-12-07T10:00:00+01:00`) or `setClock(…)` it starts there and runs on, so a
 * run started at 23:59:30 crosses midnight as a real one would. `frozen: true`
 * stops it (a test that needs one instant). `HELHED_NOW` is refused in production.
 *
 * Token expiry (JWT `exp`/`iat`) stays on the wall clock: it is a security
 * boundary between systems, not a date of the domain.
 */
export interface Clock {
  now(): Date;
}

export class ClockSettingError extends Error {}

interface ClockState {
  /** Added to the wall clock (ms); 0 = the wall clock. */
  offsetMs: number;
  /** When set, the clock stands still at this instant. */
  frozenAt: number | null;
  /** Where the state came from (for messages). */
  source: 'wall' | 'HELHED_NOW' | 'setClock';
  /** The instant it was set to, as given (for messages); null for the wall clock. */
  setTo: string | null;
}

/** An ISO 8601 instant with an explicit offset or Z: a local time without a zone is ambiguous across DST. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an instant for the clock; throws ClockSettingError with what is wrong. */
export function parseInstant(value: string, name = 'HELHED_NOW'): Date {
  const at = new Date(value);
  if (!INSTANT.test(value) || Number.isNaN(at.getTime()))
    throw new ClockSettingError(
      `${name} must be an ISO 8601 instant with its offset, e.g. 2026-12-07T10:00:00+01:00 (got ${JSON.stringify(value)})`,
    );
  return at;
}

/**
 * Checks the clock setting of an environment: `HELHED_NOW` well formed, and
 * absent in production. Returns the starting instant, or null for the wall clock.
 */
export function clockSettingOf(env: Record<string, string | undefined>): Date | null {
  const value = env.HELHED_NOW;
  if (value === undefined || value === '') return null;
  if (env.NODE_ENV === 'production')
    throw new ClockSettingError('HELHED_NOW is not allowed in production: the clock there is the wall clock');
  return parseInstant(value);
}

let state: ClockState | null = null;
/**
 * The process's HELHED_NOW clock, kept once it started: going back to it (a test's
 * `setClock(null)`) continues where it has run to, rather than starting at the
 * instant again (a run that crossed midnight does not cross it a second time).
 */
let fromEnvironment: ClockState | null = null;

function current(): ClockState {
  if (state) return state;
  const setting = process.env.HELHED_NOW;
  if (fromEnvironment?.setTo !== setting || !setting) {
    const start = clockSettingOf(process.env);
    fromEnvironment = start
      ? { offsetMs: start.getTime() - Date.now(), frozenAt: null, source: 'HELHED_NOW', setTo: setting! }
      : null;
  }
  state = fromEnvironment ?? { offsetMs: 0, frozenAt: null, source: 'wall', setTo: null };
  return state;
}

/** The platform's clock. */
export const clock: Clock = {
  now(): Date {
    const s = current();
    return new Date(s.frozenAt ?? Date.now() + s.offsetMs);
  },
};

/** Now, from the platform's clock. */
export const now = (): Date => clock.now();

/** Milliseconds since the epoch, from the platform's clock. */
export const nowMs = (): number => clock.now().getTime();

/**
 * Sets the clock (tests, and processes started with HELHED_NOW): from `instant` it
 * runs at real speed, or stands still with `frozen`. `null` goes back to the
 * wall clock (or to HELHED_NOW when the environment sets it). Refused in production.
 */
export function setClock(instant: Date | string | null, options: { frozen?: boolean } = {}): void {
  if (instant === null) {
    state = null;
    return;
  }
  if (process.env.NODE_ENV === 'production')
    throw new ClockSettingError('The clock cannot be set in production: the clock there is the wall clock');
  const at = typeof instant === 'string' ? parseInstant(instant, 'setClock') : instant;
  const setTo = typeof instant === 'string' ? instant : at.toISOString();
  state = options.frozen
    ? { offsetMs: 0, frozenAt: at.getTime(), source: 'setClock', setTo }
    : { offsetMs: at.getTime() - Date.now(), frozenAt: null, source: 'setClock', setTo };
}

/** Moves the clock on by `ms` (a frozen clock stays frozen at the new instant). */
export function advanceClock(ms: number): void {
  const s = current();
  if (process.env.NODE_ENV === 'production')
    throw new ClockSettingError('The clock cannot be moved in production: the clock there is the wall clock');
  state = s.frozenAt !== null ? { ...s, frozenAt: s.frozenAt + ms } : { ...s, offsetMs: s.offsetMs + ms };
}

/** Whether the clock is the wall clock, and if not where it was set from (start-up log lines say so). */
export function clockSource(): ClockState['source'] {
  return current().source;
}

/**
 * One line for a process's start-up log when its clock is not the wall clock
 * (where it was set, to what, and what it says now), or null when it is: an
 * operator reading the log of a shifted process should not have to guess why
 * its dates are not today's.
 */
export function clockNotice(): string | null {
  const s = current();
  if (s.source === 'wall') return null;
  const how = s.frozenAt !== null ? 'stands still' : 'runs at real speed';
  return `the clock is not the wall clock: ${s.source} set it to ${s.setTo}; it ${how} and now reads ${clock.now().toISOString()}`;
}
