import type { InputProblems } from '@helhed/errors';
import { isUuid } from '../ids';

/** Small rules shared by the plan, its activities, follow-ups and assessments. */

/** The day `weeks` weeks after `date` (both YYYY-MM-DD; calendar arithmetic, no time zones involved). */
export function addWeeks(date: string, weeks: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + weeks * 7)).toISOString().slice(0, 10);
}

/** A trimmed text of `min`-`max` characters; a problem at `field` otherwise. */
export function checkText(
  value: string | null | undefined,
  field: string,
  label: string,
  limits: { min: number; max: number },
  problems: InputProblems,
): string {
  const text = (value ?? '').trim();
  if (text.length < limits.min || text.length > limits.max) {
    problems.add(
      field,
      limits.min === 0
        ? `${label} is at most ${limits.max} characters`
        : `${label} is ${limits.min}-${limits.max} characters`,
    );
  }
  return text;
}

/** Text that may be left out: null when empty. */
export function optionalText(
  value: string | null | undefined,
  field: string,
  label: string,
  max: number,
  problems: InputProblems,
): string | null {
  const text = checkText(value, field, label, { min: 0, max }, problems);
  return text.length > 0 ? text : null;
}

/** A whole number of weeks between follow-ups: 1-52. */
export function checkCadence(weeks: number, field: string, problems: InputProblems): void {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
    problems.add(field, 'The follow-up cadence is a whole number of weeks, 1-52');
  }
}

/** Ids the caller gives: a list without repeats. Reports each repeat at its index. */
export function checkDistinct(ids: readonly string[], field: string, label: string, problems: InputProblems): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const earlier = seen.get(id);
    if (earlier !== undefined) problems.add(`${field}[${i}]`, `The same ${label} is given at ${earlier} too`);
    else seen.set(id, i);
  });
}

/** Ids are UUIDs; anything else names nothing. */
export const namesRow = (id: string | null | undefined): id is string => typeof id === 'string' && isUuid(id);
