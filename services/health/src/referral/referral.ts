import { InputProblems } from '@helhed/errors';
import { isRealDate } from '../dates';
import { isUuid } from '../ids';

/** Where a person can be referred; the schema's `ReferralDestination` and the table's CHECK list the same values. */
export const REFERRAL_DESTINATIONS = [
  'GP',
  'PSYCHIATRY',
  'CHILD_AND_ADOLESCENT_PSYCHIATRY',
  'SUBSTANCE_ABUSE_TREATMENT',
  'PHYSIOTHERAPY',
  'PSYCHOLOGIST',
  'OTHER',
] as const;
export type ReferralDestination = (typeof REFERRAL_DESTINATIONS)[number];

export const MAX_REFERRAL_TEXT = 1000;

export interface SendReferralInput {
  personId: string;
  to: ReferralDestination;
  sentOn: string;
  note?: string | null;
}

export interface ValidReferral {
  personId: string;
  referredTo: ReferralDestination;
  sentOn: string;
  note: string | null;
}

/** The dates of a referral's course; `undefined` leaves a date as it is. */
export interface UpdateReferralInput {
  referralId: string;
  acceptedOn?: string | null;
  firstAppointmentOn?: string | null;
  closedOn?: string | null;
  closeReason?: string | null;
}

export interface ReferralCourse {
  sentOn: string;
  acceptedOn: string | null;
  firstAppointmentOn: string | null;
  closedOn: string | null;
  closeReason: string | null;
}

const trimmed = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

function checkText(problems: InputProblems, field: string, text: string | null): void {
  if (text !== null && text.length > MAX_REFERRAL_TEXT) {
    problems.add(field, `At most ${MAX_REFERRAL_TEXT} characters`);
  }
}

/** Checks a referral to send; every problem is reported with its input path. */
export function validateReferral(input: SendReferralInput, today: string): ValidReferral {
  const problems = new InputProblems();
  const personId = input.personId.trim().toLowerCase();
  if (!isUuid(personId)) problems.add('input.personId', 'A person id is a UUID (the id from the family subgraph)');
  if (!REFERRAL_DESTINATIONS.includes(input.to)) problems.add('input.to', 'Unknown referral destination');
  if (!isRealDate(input.sentOn)) problems.add('input.sentOn', 'A date is written YYYY-MM-DD and is a real date');
  else if (input.sentOn > today) problems.add('input.sentOn', 'A referral cannot be sent in the future');
  const note = trimmed(input.note);
  checkText(problems, 'input.note', note);
  problems.throwIfAny();
  return { personId, referredTo: input.to, sentOn: input.sentOn, note };
}

/**
 * The referral's course after an update: each date given must be a real date,
 * not before the referral was sent; acceptance and closing not in the future
 * (a first appointment may be booked ahead). A close reason needs a closing date.
 */
export function planReferralUpdate(current: ReferralCourse, input: UpdateReferralInput, today: string): ReferralCourse {
  const problems = new InputProblems();
  const next: ReferralCourse = { ...current };
  const dates = [
    ['acceptedOn', 'accepted', true],
    ['firstAppointmentOn', 'first appointment', false],
    ['closedOn', 'closed', true],
  ] as const;
  for (const [key, word, notInFuture] of dates) {
    const value = input[key];
    if (value === undefined) continue;
    const field = `input.${key}`;
    if (value === null) next[key] = null;
    else if (!isRealDate(value)) problems.add(field, 'A date is written YYYY-MM-DD and is a real date');
    else if (value < current.sentOn) problems.add(field, `A referral cannot be ${word} before it was sent`);
    else if (notInFuture && value > today) problems.add(field, `A referral cannot be ${word} in the future`);
    else next[key] = value;
  }
  if (input.closeReason !== undefined) {
    next.closeReason = trimmed(input.closeReason);
    checkText(problems, 'input.closeReason', next.closeReason);
  }
  if (next.closeReason !== null && next.closedOn === null) {
    problems.add('input.closeReason', 'A close reason is given with the closing date');
  }
  problems.throwIfAny();
  return next;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * Days waited for treatment: from sending to the first appointment; while
 * there is none, to the closing day if closed, else to today.
 */
export function waitingDays(course: ReferralCourse, today: string): number {
  const end = course.firstAppointmentOn ?? course.closedOn ?? today;
  return Math.max(0, dayNumber(end) - dayNumber(course.sentOn));
}
