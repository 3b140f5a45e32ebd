/** Date arithmetic on YYYY-MM-DD strings, in whole days, without time zones. */
const DAY_MS = 86_400_000;

export const toDayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
export const fromDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** First and last day of a month written YYYY-MM. */
export function monthBounds(month: string): { first: string; last: string; days: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = `${month}-01`;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first, last: `${month}-${String(days).padStart(2, '0')}`, days };
}

/** The days two inclusive ranges share (an open end is null), or null when they do not meet. */
export function intersect(
  a: { from: string; to: string | null },
  b: { from: string; to: string | null },
): { from: string; to: string } | null {
  const from = a.from > b.from ? a.from : b.from;
  const ends = [a.to, b.to].filter((d): d is string => d !== null);
  if (ends.length === 0) throw new Error('intersect needs at least one bounded range');
  const to = ends.reduce((x, y) => (x < y ? x : y));
  return from <= to ? { from, to } : null;
}

export const daysIn = (range: { from: string; to: string }): number =>
  toDayNumber(range.to) - toDayNumber(range.from) + 1;

/** The month (YYYY-MM) of a date. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The month `n` months after (or before, n < 0) a month. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from one to another, inclusive, in order (empty when `to` is before `from`). */
export function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}
