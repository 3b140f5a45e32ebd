import { ageOn } from '@helhed/calendar';
import { InputProblems } from '@helhed/errors';
import { addMonths, isRealDate } from '../dates';
import { isUuid } from '../ids';

export interface LeisureJobInput {
  personId: string;
  employerCompanyId: string;
  hoursPerWeek: number;
  startedOn: string;
  endedOn?: string | null;
}

export interface ValidLeisureJob {
  personId: string;
  companyId: string;
  hoursPerWeek: number;
  startedOn: string;
  endedOn: string | null;
}

export interface LeisureJobEnd {
  leisureJobId: string;
  endedOn: string;
}

export const MAX_LEISURE_HOURS_PER_WEEK = 20;
/** A leisure job is for children from this age on the start date. */
export const MIN_LEISURE_JOB_AGE = 13;
/** "Held" means still employed this many months after the start. */
export const HELD_AFTER_MONTHS = 3;

export { ageOn };

/** Checks a leisure job's own shape: ids, hours 0-20, real dates with the end not before the start. */
export function validateLeisureJob(input: LeisureJobInput): ValidLeisureJob {
  const problems = new InputProblems();
  const personId = input.personId.trim().toLowerCase();
  if (!isUuid(personId)) problems.add('input.personId', 'A person id is a UUID (the id from the family subgraph)');
  const companyId = input.employerCompanyId.trim().toLowerCase();
  if (!isUuid(companyId)) problems.add('input.employerCompanyId', 'A company id is a UUID');
  const hours = input.hoursPerWeek;
  if (!Number.isFinite(hours) || hours < 0 || hours > MAX_LEISURE_HOURS_PER_WEEK) {
    problems.add('input.hoursPerWeek', `A leisure job has 0 to ${MAX_LEISURE_HOURS_PER_WEEK} hours per week`);
  }
  const startOk = isRealDate(input.startedOn);
  if (!startOk) problems.add('input.startedOn', 'The start date is written YYYY-MM-DD and is a real date');
  const endedOn = input.endedOn ?? null;
  if (endedOn !== null && !isRealDate(endedOn)) {
    problems.add('input.endedOn', 'The end date is written YYYY-MM-DD and is a real date');
  } else if (endedOn !== null && startOk && endedOn < input.startedOn) {
    problems.add('input.endedOn', 'The end date is before the start date');
  }
  problems.throwIfAny();
  return { personId, companyId, hoursPerWeek: Math.round(hours * 10) / 10, startedOn: input.startedOn, endedOn };
}

/** A leisure job is for a child (role CHILD) who is 13 or older on the start date: the 13th birthday itself is allowed. */
export function checkLeisureJobPerson(
  job: ValidLeisureJob,
  person: { birthDate: string; role: 'PARENT' | 'CHILD' | 'OTHER_ADULT' },
): void {
  const problems = new InputProblems();
  if (person.role !== 'CHILD') {
    problems.add('input.personId', 'Leisure jobs are recorded for the children of the family');
  } else if (ageOn(person.birthDate, job.startedOn) < MIN_LEISURE_JOB_AGE) {
    problems.add(
      'input.startedOn',
      `The child is under ${MIN_LEISURE_JOB_AGE} on the start date: a leisure job starts on or after the ${MIN_LEISURE_JOB_AGE}th birthday`,
    );
  }
  problems.throwIfAny();
}

/** A leisure job ends once, not before it started. */
export function planLeisureJobEnd(
  job: { startedOn: string; endedOn: string | null },
  input: LeisureJobEnd,
): { endedOn: string } {
  const problems = new InputProblems();
  if (job.endedOn !== null) problems.add('input.leisureJobId', `The leisure job ended already on ${job.endedOn}`);
  else if (!isRealDate(input.endedOn))
    problems.add('input.endedOn', 'The end date is written YYYY-MM-DD and is a real date');
  else if (input.endedOn < job.startedOn) {
    problems.add('input.endedOn', `The end date is before the job started (${job.startedOn})`);
  }
  problems.throwIfAny();
  return { endedOn: input.endedOn };
}

/**
 * Whether a leisure job is "held": the child was still employed 3 months after
 * the start (the end date is empty or on/after start + 3 months). Known once
 * that day has come (today ≥ start + 3 months), or earlier when the job ended
 * before it; until then `held` is false and `known` is false.
 */
export function leisureJobHeld(
  job: { startedOn: string; endedOn: string | null },
  today: string,
): { held: boolean; known: boolean; heldFrom: string } {
  const heldFrom = addMonths(job.startedOn, HELD_AFTER_MONTHS);
  const endedBefore = job.endedOn !== null && job.endedOn < heldFrom;
  const known = endedBefore || today >= heldFrom;
  return { held: known && !endedBefore, known, heldFrom };
}
