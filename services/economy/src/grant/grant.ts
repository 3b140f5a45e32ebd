import { InputProblems } from '@helhed/errors';
import { monthBounds } from '../dates';

export const LINE_KINDS = [
  'PROJECT_LEAD',
  'DEDICATED_CASEWORKER_TIME',
  'COMPETENCE_DEVELOPMENT',
  'PROCESS_SUPPORT',
] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export interface GrantInput {
  projectId: string;
  amountOre: number;
  startsOn: string;
  endsOn: string;
  lines: Array<{ kind: LineKind; amountOre: number }>;
}

/** Whether a month shares a day with a grant period. */
export function monthInPeriod(month: string, period: { startsOn: string; endsOn: string }): boolean {
  const { first, last } = monthBounds(month);
  return first <= period.endsOn && last >= period.startsOn;
}

const money = (v: number) => Number.isSafeInteger(v) && v >= 0;

/** Checks a grant against itself and the spending already recorded on it. */
export function validateGrant(input: GrantInput, spending: Array<{ kind: LineKind; month: string }>) {
  const problems = new InputProblems();
  if (!money(input.amountOre)) problems.add('input.amountOre', 'An amount is a whole number of øre, not negative');
  if (input.endsOn < input.startsOn) problems.add('input.endsOn', 'The period ends before it starts');
  const seen = new Set<LineKind>();
  input.lines.forEach((line, i) => {
    if (seen.has(line.kind)) problems.add(`input.lines[${i}].kind`, `${line.kind} is given twice`);
    seen.add(line.kind);
    if (!money(line.amountOre))
      problems.add(`input.lines[${i}].amountOre`, 'An amount is a whole number of øre, not negative');
  });
  const budgeted = input.lines.reduce((s, l) => s + l.amountOre, 0);
  if (budgeted > input.amountOre)
    problems.add('input.lines', `The lines add up to ${budgeted} øre, more than the grant of ${input.amountOre}`);
  for (const kind of new Set(spending.map((s) => s.kind))) {
    if (!seen.has(kind)) problems.add('input.lines', `${kind} has spending recorded and cannot be dropped`);
  }
  if (input.endsOn >= input.startsOn) {
    const outside = spending.find((s) => !monthInPeriod(s.month, input));
    if (outside) {
      const field = monthBounds(outside.month).first > input.endsOn ? 'input.endsOn' : 'input.startsOn';
      problems.add(field, `Spending is recorded in ${outside.month}, outside this period`);
    }
  }
  problems.throwIfAny();
}

/** Checks spending against the grant: its period and its lines. */
export function validateSpending(
  input: { kind: LineKind; month: string; amountOre: number; note?: string | null },
  grant: { startsOn: string; endsOn: string; lines: Array<{ kind: LineKind }> },
) {
  const problems = new InputProblems();
  if (!monthInPeriod(input.month, grant))
    problems.add('input.month', `The grant runs from ${grant.startsOn} to ${grant.endsOn}`);
  if (!grant.lines.some((l) => l.kind === input.kind))
    problems.add('input.kind', `The grant has no ${input.kind} budget line`);
  if (!money(input.amountOre)) problems.add('input.amountOre', 'An amount is a whole number of øre, not negative');
  if (input.note && input.note.length > 500) problems.add('input.note', 'At most 500 characters');
  problems.throwIfAny();
}
