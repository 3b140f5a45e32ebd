/**
 * Danish business days: weekdays that are not public holidays. The registration
 * deadline (5th business day of the next month) and the reminder lead times
 * ("3 business days before") are both counted here, so they can never disagree.
 *
 * Public holidays (helligdage) by the Danish rules: New Year's Day, Maundy
 * Thursday, Good Friday, Easter Sunday and Monday, Ascension Day, Whit Sunday
 * and Monday, Christmas Day and Boxing Day. Great Prayer Day (Store bededag, the
 * 4th Friday after Easter) was abolished from 2024 and counts only for earlier
 * years. Constitution Day (5 June), Christmas Eve and New Year's Eve are not
 * public holidays, but most municipal offices close on them: they count as
 * closing days unless `closingDays: false` is passed.
 */
import { isRealDate } from './dates';

export interface BusinessDayRules {
  /** Count Constitution Day, 24 and 31 December as closed (default true). */
  closingDays?: boolean;
}

/** Easter Sunday of a year (Gregorian calendar, the anonymous algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** The days a year's municipal offices are closed besides weekends, each with its Danish name. */
export function danishHolidays(year: number, rules: BusinessDayRules = {}): Map<string, string> {
  const easter = easterSunday(year);
  const days: Array<[string, string]> = [
    [isoDate(year, 1, 1), 'Nytårsdag'],
    [addDays(easter, -3), 'Skærtorsdag'],
    [addDays(easter, -2), 'Langfredag'],
    [easter, 'Påskedag'],
    [addDays(easter, 1), '2. påskedag'],
    [addDays(easter, 39), 'Kristi himmelfartsdag'],
    [addDays(easter, 49), 'Pinsedag'],
    [addDays(easter, 50), '2. pinsedag'],
    [isoDate(year, 12, 25), 'Juledag'],
    [isoDate(year, 12, 26), '2. juledag'],
  ];
  if (year < 2024) days.push([addDays(easter, 26), 'Store bededag']);
  if (rules.closingDays !== false) {
    days.push(
      [isoDate(year, 6, 5), 'Grundlovsdag'],
      [isoDate(year, 12, 24), 'Juleaftensdag'],
      [isoDate(year, 12, 31), 'Nytårsaftensdag'],
    );
  }
  return new Map(days.sort(([a], [b]) => a.localeCompare(b)));
}

const holidayCache = new Map<string, Map<string, string>>();
function holidaysOf(year: number, rules: BusinessDayRules): Map<string, string> {
  const key = `${year}:${rules.closingDays !== false}`;
  let found = holidayCache.get(key);
  if (!found) holidayCache.set(key, (found = danishHolidays(year, rules)));
  return found;
}

/** True for a weekday that is neither a public holiday nor (by default) a closing day. */
export function isBusinessDay(day: string, rules: BusinessDayRules = {}): boolean {
  assertDate(day);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysOf(Number(day.slice(0, 4)), rules).has(day);
}

/**
 * The business day `count` business days after `day` (before it when negative).
 * `count` 0 gives `day` itself when it is a business day, else the next one.
 */
export function addBusinessDays(day: string, count: number, rules: BusinessDayRules = {}): string {
  assertDate(day);
  let current = day;
  if (count === 0) {
    while (!isBusinessDay(current, rules)) current = addDays(current, 1);
    return current;
  }
  const step = count > 0 ? 1 : -1;
  let left = Math.abs(count);
  while (left > 0) {
    current = addDays(current, step);
    if (isBusinessDay(current, rules)) left -= 1;
  }
  return current;
}

/** The n-th business day (1-based) of a month given as YYYY-MM. */
export function nthBusinessDayOfMonth(month: string, n: number, rules: BusinessDayRules = {}): string {
  if (!/^\d{4}-\d{2}$/.test(month) || !isRealDate(`${month}-01`)) throw new RangeError(`Not a month: ${month}`);
  if (!Number.isInteger(n) || n < 1 || n > 23) throw new RangeError(`No business day number ${n} in a month`);
  const first = addBusinessDays(`${month}-01`, 0, rules);
  const day = n === 1 ? first : addBusinessDays(first, n - 1, rules);
  if (!day.startsWith(month)) throw new RangeError(`${month} has fewer than ${n} business days`);
  return day;
}

/**
 * Business days from `from` to `to`: positive when `to` is later, counting `to`
 * but not `from` (so the day after a business day is 1), negative when earlier.
 */
export function businessDaysBetween(from: string, to: string, rules: BusinessDayRules = {}): number {
  assertDate(from);
  assertDate(to);
  if (from === to) return 0;
  const step = to > from ? 1 : -1;
  let count = 0;
  let current = from;
  while (current !== to) {
    current = addDays(current, step);
    const counted = step > 0 ? current : addDays(current, 1);
    if (isBusinessDay(counted, rules)) count += step;
  }
  return count;
}

/** `day` plus `count` calendar days (YYYY-MM-DD). */
export function addDays(day: string, count: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + count);
  return d.toISOString().slice(0, 10);
}

/** The month after a YYYY-MM month. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The last day of a YYYY-MM month (YYYY-MM-DD). */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return isoDate(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function assertDate(day: string): void {
  if (!isRealDate(day)) throw new RangeError(`Not a date: ${day}`);
}
