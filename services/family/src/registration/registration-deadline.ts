import { ageOn, lastDayOfMonth, nextMonth, nthBusinessDayOfMonth, todayInDenmark } from '@helhed/calendar';

/** A month is due on this business day of the next month unless the project says otherwise. */
export const DEFAULT_DEADLINE_BUSINESS_DAY = 5;

/** The project whose setting decides a month's deadline: the one running in the month, latest start first. */
export function projectOfMonth<P extends { startsOn: string; endsOn: string }>(
  projects: readonly P[],
  month: string,
): P | null {
  const first = `${month}-01`;
  const last = lastDayOfMonth(month);
  const running = projects.filter((p) => p.startsOn <= last && p.endsOn >= first);
  return running.sort((a, b) => (a.startsOn < b.startsOn ? 1 : -1))[0] ?? null;
}

/** The deadline of month M: the n-th Danish business day of month M+1 (Easter-based holidays counted). */
export const registrationDeadline = (month: string, businessDay = DEFAULT_DEADLINE_BUSINESS_DAY): string =>
  nthBusinessDayOfMonth(nextMonth(month), businessDay);

/** Whether a registration made at an instant was on time: on or before the deadline day, Danish time. */
export const onTime = (registeredAt: Date, deadline: string): boolean => todayInDenmark(registeredAt) <= deadline;

/** Age in whole years on the last day of a month. */
export const ageAtEndOfMonth = (birthDate: string, month: string): number => ageOn(birthDate, lastDayOfMonth(month));
