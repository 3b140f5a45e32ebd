import { addDays } from '../dates';

/** An ISO 8601 week, e.g. `2026-W05`: weeks start on Monday; week 1 holds the year's first Thursday. */
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The Monday of ISO week 1 of `year`: the Monday of the week holding 4 January. */
function mondayOfWeekOne(year: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const weekday = (jan4.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(iso(jan4), -weekday);
}

/** How many ISO weeks `year` has (52 or 53). */
export function weeksInYear(year: number): number {
  const days = (utc(mondayOfWeekOne(year + 1)).getTime() - utc(mondayOfWeekOne(year)).getTime()) / 86_400_000;
  return days / 7;
}

/** True for a week written `YYYY-Www` that exists (week 53 only in years that have it). */
export function isIsoWeek(value: string): boolean {
  const m = ISO_WEEK.exec(value);
  if (!m) return false;
  const week = Number(m[2]);
  return week >= 1 && week <= weeksInYear(Number(m[1]));
}

/** The Monday (YYYY-MM-DD) of a valid ISO week. */
export function mondayOf(isoWeek: string): string {
  const m = ISO_WEEK.exec(isoWeek);
  if (!m) throw new Error(`Not an ISO week: ${isoWeek}`);
  return addDays(mondayOfWeekOne(Number(m[1])), (Number(m[2]) - 1) * 7);
}

/** The Sunday (YYYY-MM-DD) that ends a valid ISO week. */
export const sundayOf = (isoWeek: string): string => addDays(mondayOf(isoWeek), 6);

/** The ISO week a date (YYYY-MM-DD) falls in; the week's year is the year of its Thursday. */
export function weekOf(date: string): string {
  const d = utc(date);
  const weekday = (d.getUTCDay() + 6) % 7;
  const thursday = addDays(date, 3 - weekday);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((utc(thursday).getTime() - utc(mondayOfWeekOne(year)).getTime()) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The month (YYYY-MM) a week is counted in: the month of its Thursday, the same
 * rule that gives a week its year.
 */
export const monthOfWeek = (isoWeek: string): string => addDays(mondayOf(isoWeek), 3).slice(0, 7);

/** The week after a valid ISO week. */
export const nextWeek = (isoWeek: string): string => weekOf(addDays(mondayOf(isoWeek), 7));

/** Every ISO week from `first` to `last` inclusive (empty when last is before first). */
export function weeksBetween(first: string, last: string): string[] {
  const weeks: string[] = [];
  for (let w = first; mondayOf(w) <= mondayOf(last); w = nextWeek(w)) weeks.push(w);
  return weeks;
}

/** The weeks counted in a month (YYYY-MM): those whose Thursday lies in it. */
export function weeksOfMonth(month: string): string[] {
  const first = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = iso(new Date(Date.UTC(y, m, 0)));
  return weeksBetween(weekOf(first), weekOf(last)).filter((w) => monthOfWeek(w) === month);
}
