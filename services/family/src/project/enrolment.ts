import { InputProblems, UserInputError } from '@helhed/errors';
import type { Department, Role } from '@helhed/identity';
import { requiredText } from './fields';

export interface EnrolmentInput {
  projectId: string;
  familyId: string;
  enrolledOn: string;
}

export interface EnrolmentEndInput {
  enrolmentId: string;
  endedOn: string;
  reason: string;
}

/** A family's time in a project: from `enrolledOn` up to (not including) `endedOn`. */
export interface EnrolmentPeriod {
  enrolledOn: string;
  endedOn: string | null;
}

export interface ProjectPeriod {
  startsOn: string;
  endsOn: string;
}

/**
 * Project leads and administrators enrol families, and so does the family
 * department, which holds the family's case.
 */
export const mayEnrolFamilies = (who: { roles: readonly Role[]; department: Department }): boolean =>
  who.roles.includes('PROJECT_LEAD') || who.roles.includes('ADMIN') || who.department === 'FAMILY';

/** Checks an enrolment against its project and family (null: none with that id in the caller's municipality). */
export function validateEnrolment(
  input: EnrolmentInput,
  facts: { project: ProjectPeriod | null; family: { status: string } | null },
): void {
  const problems = new InputProblems();
  const { project, family } = facts;
  if (!project) problems.add('input.projectId', 'There is no project with this id in your municipality');
  if (!family) problems.add('input.familyId', 'There is no family with this id in your municipality');
  else if (family.status === 'CLOSED') problems.add('input.familyId', 'A closed family cannot be enrolled');
  if (project && (input.enrolledOn < project.startsOn || input.enrolledOn > project.endsOn)) {
    problems.add(
      'input.enrolledOn',
      `The enrolment date must be within the project's period, ${project.startsOn} to ${project.endsOn}`,
    );
  }
  problems.throwIfAny();
}

/**
 * A family is in at most one project at a time: a new (open) enrolment from
 * `enrolledOn` may not meet an open enrolment, nor one that ended after that day.
 */
export function checkNoOverlap(existing: readonly EnrolmentPeriod[], enrolledOn: string): void {
  const open = existing.find((e) => e.endedOn === null);
  if (open) {
    throw new UserInputError(
      'input.familyId',
      `The family is already enrolled in a project since ${open.enrolledOn}; end that enrolment first`,
    );
  }
  const later = existing.find((e) => e.endedOn !== null && e.endedOn > enrolledOn);
  if (later) {
    throw new UserInputError(
      'input.enrolledOn',
      `The family was enrolled in a project until ${later.endedOn}; a new enrolment starts on that day or later`,
    );
  }
}

/** Checks the end of an enrolment (null: no enrolment with that id in the caller's municipality). */
export function validateEnrolmentEnd(
  input: EnrolmentEndInput,
  facts: { enrolment: EnrolmentPeriod | null; project: ProjectPeriod | null },
): { endedOn: string; reason: string } {
  const problems = new InputProblems();
  const { enrolment, project } = facts;
  if (!enrolment) problems.add('input.enrolmentId', 'There is no enrolment with this id in your municipality');
  else if (enrolment.endedOn !== null) {
    problems.add('input.enrolmentId', `This enrolment already ended on ${enrolment.endedOn}`);
  } else if (input.endedOn < enrolment.enrolledOn) {
    problems.add('input.endedOn', `An enrolment cannot end before it began (${enrolment.enrolledOn})`);
  }
  if (project && input.endedOn > project.endsOn) {
    problems.add('input.endedOn', `The enrolment must end within the project's period (it ends ${project.endsOn})`);
  }
  const reason = requiredText(problems, 'input.reason', input.reason, 500, 'A reason');
  problems.throwIfAny();
  return { endedOn: input.endedOn, reason };
}

/** Enrolled on `today`: begun, and not ended by then. */
export const isCurrentEnrolment = (e: EnrolmentPeriod, today: string): boolean =>
  e.enrolledOn <= today && (e.endedOn === null || e.endedOn > today);
