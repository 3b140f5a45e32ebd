import { InputProblems, UserInputError } from '@helhed/errors';
import { isRealDate, periodsOverlap } from '../dates';
import { isUuid } from '../ids';
import type { BenefitType } from './benefit-period.entity';

export interface BenefitPeriodInput {
  personId: string;
  type: BenefitType;
  from: string;
  to?: string | null;
}

export interface ValidBenefitPeriod {
  personId: string;
  type: BenefitType;
  fromDate: string;
  toDate: string | null;
}

/**
 * Checks a benefit period to record and reports every problem with its input
 * path, so nothing is written unless all of it is right. Overlaps with the
 * person's other periods are checked by `checkNoBenefitOverlap` on the locked rows.
 */
export function validateBenefitPeriod(input: BenefitPeriodInput): ValidBenefitPeriod {
  const problems = new InputProblems();
  const personId = input.personId.trim().toLowerCase();
  if (!isUuid(personId)) problems.add('input.personId', 'A person id is a UUID (the id from the family subgraph)');
  const fromOk = isRealDate(input.from);
  if (!fromOk) problems.add('input.from', 'The start date is written YYYY-MM-DD and is a real date');
  const to = input.to ?? null;
  if (to !== null && !isRealDate(to)) problems.add('input.to', 'The end date is written YYYY-MM-DD and is a real date');
  else if (to !== null && fromOk && to < input.from) {
    problems.add('input.to', 'The end date is before the start date');
  }
  problems.throwIfAny();
  return { personId, type: input.type, fromDate: input.from, toDate: to };
}

/** A recorded period as the overlap rules see it. */
export interface StoredBenefitPeriod {
  id: string;
  type: BenefitType;
  fromDate: string;
  toDate: string | null;
}

const span = (p: { fromDate: string; toDate: string | null }) =>
  p.toDate ? `${p.fromDate} to ${p.toDate}` : `from ${p.fromDate}, ongoing`;

/**
 * A person receives one benefit at a time: a new period shares no day with the
 * person's other periods (dates inclusive; an open end is ongoing).
 */
export function checkNoBenefitOverlap(period: ValidBenefitPeriod, existing: readonly StoredBenefitPeriod[]): void {
  const clash = existing.find((p) =>
    periodsOverlap({ from: p.fromDate, to: p.toDate }, { from: period.fromDate, to: period.toDate }),
  );
  if (clash) {
    throw new UserInputError(
      'input.from',
      `The person has a ${clash.type} period ${span(clash)} that overlaps this one: end it first (endBenefitPeriod)`,
    );
  }
}

/** The end of an ongoing benefit period. */
export interface BenefitPeriodEnd {
  benefitPeriodId: string;
  to: string;
}

/** An ongoing period ends once, on a real date not before its first day. */
export function planBenefitPeriodEnd(period: StoredBenefitPeriod, input: BenefitPeriodEnd): { toDate: string } {
  const problems = new InputProblems();
  if (period.toDate !== null) {
    problems.add('input.benefitPeriodId', `The benefit period ended already on ${period.toDate}`);
  } else if (!isRealDate(input.to)) {
    problems.add('input.to', 'The end date is written YYYY-MM-DD and is a real date');
  } else if (input.to < period.fromDate) {
    problems.add('input.to', `The end date is before the period's first day (${period.fromDate})`);
  }
  problems.throwIfAny();
  return { toDate: input.to };
}
