import { InputProblems } from '@helhed/errors';
import { CASE_REFERENCE, CASE_REFERENCE_RULE } from './new-family';
import type { FamilyEntity } from './family.entity';

/** Corrections to a family's case reference or enrolment date; a left-out (or null) field is kept. */
export interface FamilyUpdate {
  familyId: string;
  caseReference?: string | null;
  enrolmentDate?: string | null;
}

/** Enrolment of a family in intake. */
export interface FamilyActivation {
  familyId: string;
  enrolmentDate: string;
}

/** The end of a family's effort. */
export interface FamilyClosing {
  familyId: string;
  closedOn: string;
  reason: string;
}

/** The columns a lifecycle change may set. */
export type FamilyChange = Partial<
  Pick<FamilyEntity, 'caseReference' | 'enrolmentDate' | 'status' | 'closedOn' | 'closeReason'>
>;

const REASON_MAX = 500;

/**
 * The family's new case reference and enrolment date. Returns only the fields
 * that actually change (empty when nothing does). An INTAKE family gets its
 * enrolment date by being activated, not by an update.
 */
export function planFamilyUpdate(current: FamilyEntity, input: FamilyUpdate, today: string): FamilyChange {
  const problems = new InputProblems();
  const change: FamilyChange = {};
  if (input.caseReference != null) {
    const caseReference = input.caseReference.trim();
    if (!CASE_REFERENCE.test(caseReference)) problems.add('input.caseReference', CASE_REFERENCE_RULE);
    else if (caseReference !== current.caseReference) change.caseReference = caseReference;
  }
  if (input.enrolmentDate != null) {
    const date = input.enrolmentDate;
    if (current.status === 'INTAKE') {
      problems.add(
        'input.enrolmentDate',
        'A family in INTAKE gets its enrolment date when it is activated (activateFamily)',
      );
    } else if (date > today) {
      problems.add('input.enrolmentDate', 'The enrolment date cannot be in the future');
    } else if (current.closedOn && date > current.closedOn) {
      problems.add(
        'input.enrolmentDate',
        `The enrolment date cannot be after the day the family was closed (${current.closedOn})`,
      );
    } else if (date !== current.enrolmentDate) {
      change.enrolmentDate = date;
    }
  }
  problems.throwIfAny();
  return change;
}

/** INTAKE → ACTIVE, from the enrolment date. */
export function planActivation(current: FamilyEntity, input: FamilyActivation, today: string): FamilyChange {
  const problems = new InputProblems();
  if (current.status === 'ACTIVE') {
    problems.add('input.familyId', `The family is ACTIVE already (enrolled on ${current.enrolmentDate})`);
  } else if (current.status === 'CLOSED') {
    problems.add('input.familyId', `The family was closed on ${current.closedOn}; a CLOSED family cannot be activated`);
  }
  if (input.enrolmentDate > today) problems.add('input.enrolmentDate', 'The enrolment date cannot be in the future');
  problems.throwIfAny();
  return { status: 'ACTIVE', enrolmentDate: input.enrolmentDate };
}

/** INTAKE or ACTIVE → CLOSED, on a day not before enrolment, with a reason. */
export function planClosing(current: FamilyEntity, input: FamilyClosing, today: string): FamilyChange {
  const problems = new InputProblems();
  if (current.status === 'CLOSED') {
    problems.add('input.familyId', `The family was closed already on ${current.closedOn}`);
  }
  if (input.closedOn > today) problems.add('input.closedOn', 'A family cannot be closed from a future date');
  else if (current.enrolmentDate && input.closedOn < current.enrolmentDate) {
    problems.add('input.closedOn', `A family cannot be closed before its enrolment date (${current.enrolmentDate})`);
  }
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > REASON_MAX) {
    problems.add('input.reason', `A reason is 1-${REASON_MAX} characters`);
  }
  problems.throwIfAny();
  return { status: 'CLOSED', closedOn: input.closedOn, closeReason: reason };
}
