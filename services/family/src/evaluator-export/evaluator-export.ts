import { InputProblems } from '@helhed/errors';
import { MAX_EXPORT_MONTHS, monthRange, pseudonym } from './pseudonym';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Checks a month range: real months, in order, not in the future, at most 36 months. Returns the months. */
export function validateRange(from: string, to: string, today: string): string[] {
  const problems = new InputProblems();
  if (!MONTH.test(from)) problems.add('from', 'A month is YYYY-MM');
  if (!MONTH.test(to)) problems.add('to', 'A month is YYYY-MM');
  problems.throwIfAny();
  if (to > today.slice(0, 7)) problems.add('to', 'The month is in the future');
  if (from > to) problems.add('from', 'The range starts after it ends');
  else if (monthRange(from, to).length > MAX_EXPORT_MONTHS)
    problems.add('to', `A dataset covers at most ${MAX_EXPORT_MONTHS} months`);
  problems.throwIfAny();
  return monthRange(from, to);
}

export interface Indicator {
  indicator: string;
  department: string;
  higherIsBetter: boolean;
  value: number | null;
}

export interface Subject {
  personId: string;
  familyId: string;
  month: string;
  municipalityCode: string;
  birthDate: string;
  sex: string;
  role: string;
}

export interface SubjectIndicators {
  personId: string;
  month: string;
  indicators: Indicator[];
}

/**
 * The dataset's rows: identifiers replaced by keyed pseudonyms, the birth date
 * by the year, and every department's indicators of the month side by side.
 * Ordered by family pseudonym, pseudonym and month, so the order reveals nothing.
 */
export function datasetRows(
  key: Buffer,
  subjects: readonly Subject[],
  familyValues: ReadonlyMap<string, Indicator[]>,
  others: ReadonlyArray<readonly SubjectIndicators[]>,
) {
  const byKey = new Map<string, Indicator[]>();
  for (const part of others)
    for (const s of part)
      byKey.set(`${s.personId}|${s.month}`, [...(byKey.get(`${s.personId}|${s.month}`) ?? []), ...s.indicators]);
  return subjects
    .map((s) => ({
      pseudonym: pseudonym(key, 'person', s.personId),
      familyPseudonym: pseudonym(key, 'family', s.familyId),
      birthYear: Number(s.birthDate.slice(0, 4)),
      sex: s.sex,
      role: s.role,
      month: s.month,
      indicators: [
        ...(familyValues.get(`${s.personId}|${s.month}`) ?? []),
        ...(byKey.get(`${s.personId}|${s.month}`) ?? []),
      ],
    }))
    .sort(
      (a, b) =>
        a.familyPseudonym.localeCompare(b.familyPseudonym) ||
        a.pseudonym.localeCompare(b.pseudonym) ||
        a.month.localeCompare(b.month),
    );
}

/**
 * Whether a member belongs to the dataset's month: current members do; a
 * former member for the months up to and including the one they left in.
 */
export const memberInMonth = (member: { removedOn: string | null }, firstDayOfMonth: string) =>
  member.removedOn === null || member.removedOn >= firstDayOfMonth;
