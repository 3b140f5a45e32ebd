import { InputProblems } from '@helhed/errors';

/** A required text: trimmed, 1..max characters. */
export function requiredText(problems: InputProblems, field: string, value: string, max: number, what: string): string {
  const text = value.trim();
  if (text.length === 0 || text.length > max) problems.add(field, `${what} is 1-${max} characters`);
  return text;
}

/** An optional text: trimmed; blank means none. */
export function optionalText(
  problems: InputProblems,
  field: string,
  value: string | null | undefined,
  max: number,
  what: string,
): string | null {
  const text = value?.trim() ?? '';
  if (text.length > max) problems.add(field, `${what} is at most ${max} characters`);
  return text.length === 0 ? null : text;
}

/** What the rules need to know of a caseworker named in the input (null: no caseworker has that id). */
export interface CaseworkerFacts {
  municipalityCode: string;
}

/** A caseworker named in the input (project lead, risk owner) is one of the caller's municipality. */
export function checkCaseworkerOf(
  problems: InputProblems,
  field: string,
  caseworker: CaseworkerFacts | null,
  municipality: string,
  what: string,
): void {
  if (!caseworker || caseworker.municipalityCode !== municipality) {
    problems.add(field, `The ${what} must be a caseworker registered in your municipality`);
  }
}

/** An optional field of an update: left out keeps the current value, null clears it. */
export const changed = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);

/** The optional reason given for a change, kept in the history. */
export function changeReason(value: string | null | undefined): string | null {
  const problems = new InputProblems();
  const reason = optionalText(problems, 'input.reason', value, 500, 'A reason');
  problems.throwIfAny();
  return reason;
}
