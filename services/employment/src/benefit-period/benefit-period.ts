import { InputProblems } from '@helhed/errors';
import { isRealDate } from '../dates';
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
 * path, so nothing is written unless all of it is right. Overlapping periods
 * are not refused yet.
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
