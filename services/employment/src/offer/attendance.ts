import { monthOfWeek, sundayOf, weekOf, weeksBetween } from './iso-week';

/**
 * Attendance arithmetic of an offer, in plain TypeScript (no SQL, no GraphQL):
 * attendance % per week, per month and overall, and whether the offer was "kept".
 */

/** One recorded week: the hours planned and the hours the person attended. */
export interface AttendanceWeek {
  isoWeek: string;
  plannedHours: number;
  attendedHours: number;
}

/** Planned and attended hours over some weeks, and the share attended. */
export interface AttendanceTotals {
  plannedHours: number;
  attendedHours: number;
  /** attended / planned in per cent, one decimal; null when nothing was planned. */
  attendancePercent: number | null;
  /** How many weeks have a recorded row. */
  weeksRecorded: number;
}

/** A month's totals; the weeks are those whose Thursday lies in the month (ISO rule). */
export interface MonthlyTotals extends AttendanceTotals {
  month: string;
}

const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;

/** attended / planned in per cent with one decimal; null when planned is 0 (there was nothing to attend). */
export function attendancePercent(plannedHours: number, attendedHours: number): number | null {
  return plannedHours > 0 ? round((attendedHours / plannedHours) * 100, 1) : null;
}

/** Totals over recorded weeks; weeks without a row are unknown and count neither way. */
export function totals(weeks: readonly AttendanceWeek[]): AttendanceTotals {
  const plannedHours = round(
    weeks.reduce((s, w) => s + w.plannedHours, 0),
    2,
  );
  const attendedHours = round(
    weeks.reduce((s, w) => s + w.attendedHours, 0),
    2,
  );
  return {
    plannedHours,
    attendedHours,
    attendancePercent: attendancePercent(plannedHours, attendedHours),
    weeksRecorded: weeks.length,
  };
}

/** Totals per month (weeks assigned to the month of their Thursday), oldest month first. */
export function monthlyTotals(weeks: readonly AttendanceWeek[]): MonthlyTotals[] {
  const byMonth = new Map<string, AttendanceWeek[]>();
  for (const w of weeks) {
    const month = monthOfWeek(w.isoWeek);
    byMonth.set(month, [...(byMonth.get(month) ?? []), w]);
  }
  return [...byMonth.keys()].sort().map((month) => ({ month, ...totals(byMonth.get(month)!) }));
}

export interface KeptQuestion {
  plannedStartOn: string;
  plannedEndOn: string;
  /** The day the question is asked (today, or the last day of a registration month). */
  asOf: string;
  /** The recorded weeks; a week without a row had no recorded attendance. */
  weeks: readonly AttendanceWeek[];
  /** The longest allowed run of weeks without attendance (configuration, 4 by default). */
  maxGapWeeks: number;
}

/**
 * Whether an offer was "kept": from the week of the planned start to the planned
 * end (or `asOf`, when that comes first), no run of more than `maxGapWeeks`
 * consecutive weeks without attendance.
 * - A week counts as attended when attended hours > 0. A week without a row, or
 *   with 0 attended of more than 0 planned, is a week without attendance (ending
 *   the offer early leaves the weeks after it without rows, so they count).
 * - A week with 0 planned and 0 attended (an agreed pause, e.g. a holiday) neither
 *   lengthens nor ends a gap.
 * - A week still under way on `asOf` (before the planned end) is not judged yet.
 * Null when the offer has not started by `asOf`.
 */
export function isKept(q: KeptQuestion): boolean | null {
  // A missing setting would make every offer "kept"; fail loudly instead.
  if (!Number.isInteger(q.maxGapWeeks) || q.maxGapWeeks < 1) throw new Error('maxGapWeeks must be a whole number ≥ 1');
  if (q.asOf < q.plannedStartOn) return null;
  const running = q.asOf < q.plannedEndOn;
  const lastDay = running ? q.asOf : q.plannedEndOn;
  let lastWeek = weekOf(lastDay);
  if (running && sundayOf(lastWeek) > lastDay) {
    lastWeek = weekOf(new Date(new Date(`${lastDay}T00:00:00Z`).getTime() - 7 * 86_400_000).toISOString().slice(0, 10));
  }
  const byWeek = new Map(q.weeks.map((w) => [w.isoWeek, w]));
  let gap = 0;
  for (const week of weeksBetween(weekOf(q.plannedStartOn), lastWeek)) {
    const row = byWeek.get(week);
    if (row && row.attendedHours > 0) gap = 0;
    else if (row && row.plannedHours === 0) continue;
    else if (++gap > q.maxGapWeeks) return false;
  }
  return true;
}
