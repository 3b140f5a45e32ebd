import { InputProblems } from '@helhed/errors';
import type { DirectoryActivity, DirectoryPerson } from '@helhed/family-directory';
import { isRealDate } from '../dates';
import { isUuid } from '../ids';
import { isIsoWeek, mondayOf, sundayOf } from './iso-week';
import type { AttendanceWeekEntity, OfferKind, OfferParticipationEntity } from './offer-participation.entity';

export interface StartOfferParticipationInput {
  personId: string;
  planActivityId: string;
  kind: OfferKind;
  companyId?: string | null;
  plannedStartOn: string;
  plannedEndOn: string;
  plannedHoursPerWeek: number;
}

/** What the family subgraph says about the person and the activity (missing: unknown or not visible to the caller). */
export interface StartFacts {
  person: DirectoryPerson | undefined;
  activity: DirectoryActivity | undefined;
}

export type ValidParticipation = Pick<
  OfferParticipationEntity,
  | 'personId'
  | 'familyId'
  | 'planActivityId'
  | 'kind'
  | 'companyId'
  | 'plannedStartOn'
  | 'plannedEndOn'
  | 'plannedHoursPerWeek'
>;

const OPEN_ACTIVITY = ['PLANNED', 'ACTIVE'];
const hoursOk = (h: number, max: number) => Number.isFinite(h) && h >= 0 && h <= max;

/** Normalised ids (trimmed, lower case) as the family subgraph gives them out. */
export const normaliseId = (id: string) => id.trim().toLowerCase();

/**
 * Checks a participation to start against the plan activity it carries out: the
 * activity exists, is the jobcenter's, is open, concerns the person, and the
 * planned period lies within the activity's. Reports every problem at once.
 */
export function validateStart(input: StartOfferParticipationInput, facts: StartFacts): ValidParticipation {
  const problems = new InputProblems();
  const personId = normaliseId(input.personId);
  const planActivityId = normaliseId(input.planActivityId);
  const { person, activity } = facts;
  if (!isUuid(personId) || !person)
    problems.add('input.personId', 'There is no person with this id in your municipality');
  if (!isUuid(planActivityId) || !activity) {
    problems.add('input.planActivityId', 'There is no plan activity with this id in your municipality');
  } else if (activity.department !== 'JOBCENTER') {
    problems.add(
      'input.planActivityId',
      `The plan activity is an activity of another department (${activity.department}); an offer carries out a jobcenter activity`,
    );
  } else if (!OPEN_ACTIVITY.includes(activity.status)) {
    problems.add(
      'input.planActivityId',
      `The plan activity is ${activity.status}; an offer needs a planned or active one`,
    );
  } else if (person && !activity.memberIds.includes(person.id)) {
    problems.add('input.planActivityId', 'The plan activity does not concern this person');
  }
  const companyId = input.companyId ? normaliseId(input.companyId) : null;
  if (companyId !== null && !isUuid(companyId)) problems.add('input.companyId', 'A company id is a UUID');

  const startOk = isRealDate(input.plannedStartOn);
  const endOk = isRealDate(input.plannedEndOn);
  if (!startOk) problems.add('input.plannedStartOn', 'The planned start is written YYYY-MM-DD and is a real date');
  if (!endOk) problems.add('input.plannedEndOn', 'The planned end is written YYYY-MM-DD and is a real date');
  if (startOk && endOk && input.plannedEndOn < input.plannedStartOn) {
    problems.add('input.plannedEndOn', 'The planned end is before the planned start');
  }
  if (activity?.department === 'JOBCENTER') {
    if (startOk && input.plannedStartOn < activity.startsOn) {
      problems.add('input.plannedStartOn', `The offer cannot start before its plan activity (${activity.startsOn})`);
    }
    if (endOk && activity.endsOn && input.plannedEndOn > activity.endsOn) {
      problems.add('input.plannedEndOn', `The offer cannot end after its plan activity (${activity.endsOn})`);
    }
  }
  if (!hoursOk(input.plannedHoursPerWeek, 60)) {
    problems.add('input.plannedHoursPerWeek', 'Planned hours per week are between 0 and 60');
  }
  problems.throwIfAny();
  return {
    personId,
    familyId: person!.familyId,
    planActivityId,
    kind: input.kind,
    companyId,
    plannedStartOn: input.plannedStartOn,
    plannedEndOn: input.plannedEndOn,
    plannedHoursPerWeek: Math.round(input.plannedHoursPerWeek * 10) / 10,
  };
}

export interface EndOfferParticipationInput {
  participationId: string;
  endedOn: string;
  reason?: string | null;
}

/**
 * Checks ending a participation: not ended already, the end not before the
 * start nor in the future, and no attendance recorded for a week after it.
 */
export function validateEnd(
  input: EndOfferParticipationInput,
  current: OfferParticipationEntity,
  latestWeek: AttendanceWeekEntity | null,
  today: string,
): { endedOn: string; endReason: string | null } {
  const problems = new InputProblems();
  if (current.endedOn !== null) problems.add('input.participationId', `The participation ended on ${current.endedOn}`);
  if (!isRealDate(input.endedOn))
    problems.add('input.endedOn', 'The end date is written YYYY-MM-DD and is a real date');
  else if (input.endedOn < current.plannedStartOn) problems.add('input.endedOn', 'The end date is before the start');
  else if (input.endedOn > today) problems.add('input.endedOn', 'The end date is in the future');
  else if (latestWeek && latestWeek.weekStartsOn > input.endedOn) {
    problems.add('input.endedOn', `Attendance is recorded for ${latestWeek.isoWeek}, after the end date`);
  }
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > 500) problems.add('input.reason', 'The reason is at most 500 characters');
  problems.throwIfAny();
  return { endedOn: input.endedOn, endReason: reason };
}

export interface RecordAttendanceInput {
  participationId: string;
  isoWeek: string;
  plannedHours: number;
  attendedHours: number;
}

/**
 * Checks one week's attendance: a real ISO week, not in the future, within the
 * participation's period (planned start to its end, or planned end); planned
 * hours 0-60; attended hours at least 0 and at most planned + 20.
 */
export function validateAttendance(
  input: RecordAttendanceInput,
  participation: OfferParticipationEntity,
  today: string,
): { isoWeek: string; weekStartsOn: string; plannedHours: number; attendedHours: number } {
  const problems = new InputProblems();
  const isoWeek = input.isoWeek.trim().toUpperCase();
  if (!isIsoWeek(isoWeek)) {
    problems.add('input.isoWeek', 'The week is written YYYY-Www (e.g. 2026-W05) and exists in that year');
  } else {
    const last = participation.endedOn ?? participation.plannedEndOn;
    if (mondayOf(isoWeek) > today) problems.add('input.isoWeek', 'The week is in the future');
    else if (sundayOf(isoWeek) < participation.plannedStartOn || mondayOf(isoWeek) > last) {
      problems.add(
        'input.isoWeek',
        `The week lies outside the participation (${participation.plannedStartOn} to ${last})`,
      );
    }
  }
  const plannedOk = hoursOk(input.plannedHours, 60);
  if (!plannedOk) problems.add('input.plannedHours', 'Planned hours are between 0 and 60');
  if (!Number.isFinite(input.attendedHours) || input.attendedHours < 0) {
    problems.add('input.attendedHours', 'Attended hours cannot be negative');
  } else if (plannedOk && input.attendedHours > input.plannedHours + 20) {
    problems.add('input.attendedHours', 'Attended hours are at most the planned hours + 20');
  }
  problems.throwIfAny();
  return {
    isoWeek,
    weekStartsOn: mondayOf(isoWeek),
    plannedHours: Math.round(input.plannedHours * 100) / 100,
    attendedHours: Math.round(input.attendedHours * 100) / 100,
  };
}
