import { InputProblems } from '@helhed/errors';
import { isRealDate } from '../dates';
import { isUuid } from '../ids';
import type { EducationLevel, EducationOutcome } from './education-enrolment.entity';

export interface EducationEnrolmentInput {
  personId: string;
  level: EducationLevel;
  institution: string;
  startedOn: string;
  expectedEndOn?: string | null;
}

export interface ValidEducationEnrolment {
  personId: string;
  level: EducationLevel;
  institution: string;
  startedOn: string;
  expectedEndOn: string | null;
}

export interface EducationOutcomeInput {
  educationEnrolmentId: string;
  outcome: EducationOutcome;
  on: string;
}

const INSTITUTION_MAX = 200;

/** Checks an enrolment: a named institution, real dates, the expected end not before the start. */
export function validateEducationEnrolment(input: EducationEnrolmentInput): ValidEducationEnrolment {
  const problems = new InputProblems();
  const personId = input.personId.trim().toLowerCase();
  if (!isUuid(personId)) problems.add('input.personId', 'A person id is a UUID (the id from the family subgraph)');
  const institution = input.institution.trim();
  if (institution.length === 0 || institution.length > INSTITUTION_MAX) {
    problems.add('input.institution', `An institution's name is 1-${INSTITUTION_MAX} characters`);
  }
  const startOk = isRealDate(input.startedOn);
  if (!startOk) problems.add('input.startedOn', 'The start date is written YYYY-MM-DD and is a real date');
  const expectedEndOn = input.expectedEndOn ?? null;
  if (expectedEndOn !== null && !isRealDate(expectedEndOn)) {
    problems.add('input.expectedEndOn', 'The expected end is written YYYY-MM-DD and is a real date');
  } else if (expectedEndOn !== null && startOk && expectedEndOn < input.startedOn) {
    problems.add('input.expectedEndOn', 'The expected end is before the start');
  }
  problems.throwIfAny();
  return { personId, level: input.level, institution, startedOn: input.startedOn, expectedEndOn };
}

/** An enrolment gets one outcome (completed or dropped out), on a day not before it started. */
export function planEducationOutcome(
  enrolment: { startedOn: string; outcome: EducationOutcome | null; outcomeOn: string | null },
  input: EducationOutcomeInput,
): { outcome: EducationOutcome; outcomeOn: string } {
  const problems = new InputProblems();
  if (enrolment.outcome !== null) {
    problems.add(
      'input.educationEnrolmentId',
      `The enrolment has an outcome already (${enrolment.outcome} on ${enrolment.outcomeOn})`,
    );
  } else if (!isRealDate(input.on)) {
    problems.add('input.on', 'The date is written YYYY-MM-DD and is a real date');
  } else if (input.on < enrolment.startedOn) {
    problems.add('input.on', `The date is before the education started (${enrolment.startedOn})`);
  }
  problems.throwIfAny();
  return { outcome: input.outcome, outcomeOn: input.on };
}
