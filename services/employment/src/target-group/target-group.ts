import { InputProblems } from '@helhed/errors';
import { addDays, isRealDate, periodsOverlap } from '../dates';
import { isUuid } from '../ids';
import type { TargetGroup } from './target-group-assignment.entity';

export interface TargetGroupAssignmentInput {
  personId: string;
  targetGroup: TargetGroup;
  from: string;
  to?: string | null;
}

export interface ValidTargetGroupAssignment {
  personId: string;
  targetGroup: TargetGroup;
  fromDate: string;
  toDate: string | null;
}

/** An assignment as the rules see it. */
export interface StoredAssignment {
  id: string;
  targetGroup: TargetGroup;
  fromDate: string;
  toDate: string | null;
}

/** Checks the input's own shape and reports every problem with its path. */
export function validateTargetGroupAssignment(input: TargetGroupAssignmentInput): ValidTargetGroupAssignment {
  const problems = new InputProblems();
  const personId = input.personId.trim().toLowerCase();
  if (!isUuid(personId)) problems.add('input.personId', 'A person id is a UUID (the id from the family subgraph)');
  const fromOk = isRealDate(input.from);
  if (!fromOk) problems.add('input.from', 'The start date is written YYYY-MM-DD and is a real date');
  const to = input.to ?? null;
  if (to !== null && !isRealDate(to)) problems.add('input.to', 'The end date is written YYYY-MM-DD and is a real date');
  else if (to !== null && fromOk && to < input.from) problems.add('input.to', 'The end date is before the start date');
  problems.throwIfAny();
  return { personId, targetGroup: input.targetGroup, fromDate: input.from, toDate: to };
}

const span = (a: StoredAssignment) => (a.toDate ? `${a.fromDate} to ${a.toDate}` : `from ${a.fromDate}`);

/**
 * A person is in one target group at a time. A new assignment that starts
 * after the person's open one (no end date) began closes it the day before; an
 * earlier one (recorded afterwards) has an end date. Either way it shares no
 * day with any other.
 */
export function planTargetGroupAssignment(
  assignment: ValidTargetGroupAssignment,
  existing: readonly StoredAssignment[],
): { closePrevious: { id: string; toDate: string } | null } {
  const problems = new InputProblems();
  const open = existing.find((a) => a.toDate === null) ?? null;
  let closePrevious: { id: string; toDate: string } | null = null;
  if (open && assignment.fromDate > open.fromDate) {
    closePrevious = { id: open.id, toDate: addDays(assignment.fromDate, -1) };
  } else if (open && assignment.toDate === null) {
    problems.add(
      'input.from',
      `The person is ${open.targetGroup} from ${open.fromDate}: a new target group starts after that (the current one ends the day before)`,
    );
  }
  if (problems.empty) {
    const after = existing.map((a) => (a.id === closePrevious?.id ? { ...a, toDate: closePrevious.toDate } : a));
    const clash = after.find((a) =>
      periodsOverlap({ from: a.fromDate, to: a.toDate }, { from: assignment.fromDate, to: assignment.toDate }),
    );
    if (clash)
      problems.add('input.from', `The person is ${clash.targetGroup} ${span(clash)}, which overlaps this period`);
  }
  problems.throwIfAny();
  return { closePrevious };
}

/** The assignment in force on `day`, if any. */
export function assignmentOn<A extends StoredAssignment>(assignments: readonly A[], day: string): A | null {
  return assignments.find((a) => a.fromDate <= day && (a.toDate === null || a.toDate >= day)) ?? null;
}
