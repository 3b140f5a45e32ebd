import { InputProblems, UserInputError } from '@helhed/errors';
import { isRealDate, periodsOverlap } from '../dates';
import { isUuid } from '../ids';
import type { EmploymentKind } from './employment-period.entity';

export interface EmploymentPeriodInput {
  personId: string;
  kind: EmploymentKind;
  hoursPerWeek: number;
  employerCompanyId?: string | null;
  from: string;
  to?: string | null;
}

export interface ValidEmploymentPeriod {
  personId: string;
  kind: EmploymentKind;
  hoursPerWeek: number;
  companyId: string | null;
  fromDate: string;
  toDate: string | null;
}

export interface StoredEmploymentPeriod {
  id: string;
  kind: EmploymentKind;
  fromDate: string;
  toDate: string | null;
}

export interface EmploymentPeriodEnd {
  employmentPeriodId: string;
  to: string;
}

export const MAX_HOURS_PER_WEEK = 60;

/**
 * Checks an employment period's own shape: hours 0-60 in steps of a quarter
 * hour or finer, an employer for every kind but NONE (and 0 hours for NONE),
 * real dates with the end not before the start.
 */
export function validateEmploymentPeriod(input: EmploymentPeriodInput): ValidEmploymentPeriod {
  const problems = new InputProblems();
  const personId = input.personId.trim().toLowerCase();
  if (!isUuid(personId)) problems.add('input.personId', 'A person id is a UUID (the id from the family subgraph)');
  const hours = input.hoursPerWeek;
  if (!Number.isFinite(hours) || hours < 0 || hours > MAX_HOURS_PER_WEEK) {
    problems.add('input.hoursPerWeek', `Hours per week are from 0 to ${MAX_HOURS_PER_WEEK}`);
  } else if (input.kind === 'NONE' && hours !== 0) {
    problems.add('input.hoursPerWeek', 'A period without work (NONE) has 0 hours per week');
  }
  const companyId = input.employerCompanyId ? input.employerCompanyId.trim().toLowerCase() : null;
  if (companyId === null && input.kind !== 'NONE') {
    problems.add('input.employerCompanyId', 'Employment other than NONE names its employer (a registered company)');
  } else if (companyId !== null && !isUuid(companyId)) {
    problems.add('input.employerCompanyId', 'A company id is a UUID');
  }
  const fromOk = isRealDate(input.from);
  if (!fromOk) problems.add('input.from', 'The start date is written YYYY-MM-DD and is a real date');
  const to = input.to ?? null;
  if (to !== null && !isRealDate(to)) problems.add('input.to', 'The end date is written YYYY-MM-DD and is a real date');
  else if (to !== null && fromOk && to < input.from) problems.add('input.to', 'The end date is before the start date');
  problems.throwIfAny();
  return {
    personId,
    kind: input.kind,
    hoursPerWeek: Math.round(hours * 10) / 10,
    companyId,
    fromDate: input.from,
    toDate: to,
  };
}

const span = (p: StoredEmploymentPeriod) => (p.toDate ? `${p.fromDate} to ${p.toDate}` : `from ${p.fromDate}, ongoing`);

/** A person has one employment situation at a time: a new period shares no day with another (inclusive; open = ongoing). */
export function checkNoEmploymentOverlap(
  period: ValidEmploymentPeriod,
  existing: readonly StoredEmploymentPeriod[],
): void {
  const clash = existing.find((p) =>
    periodsOverlap({ from: p.fromDate, to: p.toDate }, { from: period.fromDate, to: period.toDate }),
  );
  if (clash) {
    throw new UserInputError(
      'input.from',
      `The person has a ${clash.kind} employment period ${span(clash)} that overlaps this one: end it first (endEmploymentPeriod)`,
    );
  }
}

/** An ongoing period ends once, not before its first day. */
export function planEmploymentPeriodEnd(
  period: StoredEmploymentPeriod,
  input: EmploymentPeriodEnd,
): { toDate: string } {
  const problems = new InputProblems();
  if (period.toDate !== null) {
    problems.add('input.employmentPeriodId', `The employment period ended already on ${period.toDate}`);
  } else if (!isRealDate(input.to)) {
    problems.add('input.to', 'The end date is written YYYY-MM-DD and is a real date');
  } else if (input.to < period.fromDate) {
    problems.add('input.to', `The end date is before the period's first day (${period.fromDate})`);
  }
  problems.throwIfAny();
  return { toDate: input.to };
}

/** The period in force on `day`, if any. */
export function periodOn<P extends StoredEmploymentPeriod>(periods: readonly P[], day: string): P | null {
  return periods.find((p) => p.fromDate <= day && (p.toDate === null || p.toDate >= day)) ?? null;
}
