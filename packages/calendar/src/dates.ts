/**
 * Calendar dates as the services keep them: YYYY-MM-DD strings in Danish local
 * time, with no clock or zone arithmetic beyond "what day is it in Denmark".
 */
import { clock } from './clock';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DANISH_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' });

/**
 * The date in Denmark (YYYY-MM-DD) at an instant, by default now on the platform's
 * clock: ages and "not in the future" follow Danish local time, not UTC.
 */
export function todayInDenmark(now: Date = clock.now()): string {
  return DANISH_DATE.format(now);
}

/** Today's date in Denmark (YYYY-MM-DD), from the platform's clock. */
export const today = (): string => todayInDenmark(clock.now());

/** True for a real calendar date written YYYY-MM-DD. */
export function isRealDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Whole years between a birth date and a day (both YYYY-MM-DD): the birthday itself counts. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
