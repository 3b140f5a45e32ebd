import { InputProblems } from '@helhed/errors';
import type { DirectoryActivity } from '@helhed/family-directory';
import { isUuid } from '../ids';

export const MAX_TREATMENT_TEXT = 200;
export const MAX_SESSIONS = 1000;

export interface TreatmentDetailsInput {
  planActivityId: string;
  personId: string;
  provider: string;
  frequency: string;
  sessionsPlanned: number;
}

export interface TreatmentSessionsInput {
  planActivityId: string;
  sessionsAttended: number;
  sessionsPlanned?: number | null;
}

export interface ValidTreatmentDetails {
  planActivityId: string;
  personId: string;
  provider: string;
  frequency: string;
  sessionsPlanned: number;
}

export const normaliseId = (id: string) => id.trim().toLowerCase();

function checkSessions(problems: InputProblems, field: string, value: number | null | undefined): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value) || value < 0 || value > MAX_SESSIONS) {
    problems.add(field, `A number of sessions is a whole number from 0 to ${MAX_SESSIONS}`);
  }
}

function checkText(problems: InputProblems, field: string, text: string): void {
  if (text.length === 0 || text.length > MAX_TREATMENT_TEXT) {
    problems.add(field, `1 to ${MAX_TREATMENT_TEXT} characters`);
  }
}

/**
 * Checks treatment details against the plan activity the family subgraph
 * knows: it must be a HEALTH activity the caller can see, and the person one
 * of its members.
 */
export function validateTreatmentDetails(
  input: TreatmentDetailsInput,
  activity: DirectoryActivity | undefined,
): ValidTreatmentDetails {
  const problems = new InputProblems();
  const personId = normaliseId(input.personId);
  if (!activity) problems.add('input.planActivityId', 'There is no plan activity with this id in your municipality');
  else if (activity.department !== 'HEALTH') {
    problems.add('input.planActivityId', 'Treatment details belong to an activity of the HEALTH department');
  } else if (!activity.memberIds.map(normaliseId).includes(personId)) {
    problems.add('input.personId', 'The person is not a member of the plan activity');
  }
  if (!isUuid(personId)) problems.add('input.personId', 'A person id is a UUID (the id from the family subgraph)');
  const provider = input.provider.trim();
  const frequency = input.frequency.trim();
  checkText(problems, 'input.provider', provider);
  checkText(problems, 'input.frequency', frequency);
  checkSessions(problems, 'input.sessionsPlanned', input.sessionsPlanned);
  problems.throwIfAny();
  return {
    planActivityId: normaliseId(input.planActivityId),
    personId,
    provider,
    frequency,
    sessionsPlanned: input.sessionsPlanned,
  };
}

/** Checks a count of attended (and optionally planned) sessions. */
export function validateTreatmentSessions(input: TreatmentSessionsInput): TreatmentSessionsInput {
  const problems = new InputProblems();
  checkSessions(problems, 'input.sessionsAttended', input.sessionsAttended);
  checkSessions(problems, 'input.sessionsPlanned', input.sessionsPlanned);
  problems.throwIfAny();
  return { ...input, planActivityId: normaliseId(input.planActivityId) };
}

/** Attended sessions as a whole percentage of the planned ones; null when none are planned. */
export const attendancePercent = (planned: number, attended: number): number | null =>
  planned > 0 ? Math.round((attended / planned) * 100) : null;
