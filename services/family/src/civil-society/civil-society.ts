import { InputProblems } from '@helhed/errors';
import { checkCurrentMember, checkText, type MemberFacts } from '../consent/member-facts';
import { PARTNER_KINDS, type CivilSocietyPartnerKind } from './civil-society-partner.entity';

export const NAME_MAX = 200;
export const CONTACT_MAX = 500;
export const ACTIVITY_MAX = 500;
export const MAX_HOURS_PER_WEEK = 60;

export interface RegisterPartnerInput {
  name: string;
  kind: CivilSocietyPartnerKind;
  contact?: string | null;
}

export interface ValidPartner {
  name: string;
  kind: CivilSocietyPartnerKind;
  contact: string | null;
}

/** Checks a civil-society partner to register and reports every problem with its input path. */
export function validatePartner(input: RegisterPartnerInput): ValidPartner {
  const problems = new InputProblems();
  const name = checkText(input.name, 'input.name', 'A name', NAME_MAX, problems);
  if (!(PARTNER_KINDS as readonly string[]).includes(input.kind)) {
    problems.add('input.kind', `Unknown kind of partner ${input.kind}`);
  }
  const contact = input.contact?.trim() || null;
  if (contact !== null && contact.length > CONTACT_MAX) {
    problems.add('input.contact', `Contact details are at most ${CONTACT_MAX} characters`);
  }
  problems.throwIfAny();
  return { name, kind: input.kind, contact };
}

export interface RecordParticipationInput {
  personId: string;
  partnerId: string;
  activity: string;
  start: string;
  end?: string | null;
  hoursPerWeek: number;
}

export interface ValidParticipation {
  personId: string;
  familyId: string;
  partnerId: string;
  activity: string;
  startDate: string;
  endDate: string | null;
  hoursPerWeek: number;
}

/**
 * Checks a member's activity with a partner: a current member, a partner of
 * the municipality (`partner` null when the id names none), an end not before
 * the start, and 0-60 hours a week (kept to one decimal).
 */
export function validateParticipation(
  input: RecordParticipationInput,
  person: MemberFacts | null,
  partner: { id: string } | null,
): ValidParticipation {
  const problems = new InputProblems();
  const member = checkCurrentMember(person, 'input.personId', problems);
  if (!partner) problems.add('input.partnerId', 'There is no civil-society partner with this id in your municipality');
  const activity = checkText(input.activity, 'input.activity', 'An activity description', ACTIVITY_MAX, problems);
  const end = input.end ?? null;
  if (end !== null && end < input.start) problems.add('input.end', 'The end date is before the start date');
  if (!Number.isFinite(input.hoursPerWeek) || input.hoursPerWeek < 0 || input.hoursPerWeek > MAX_HOURS_PER_WEEK) {
    problems.add('input.hoursPerWeek', `Hours per week are between 0 and ${MAX_HOURS_PER_WEEK}`);
  }
  problems.throwIfAny();
  return {
    personId: member!.id,
    familyId: member!.familyId,
    partnerId: partner!.id,
    activity,
    startDate: input.start,
    endDate: end,
    hoursPerWeek: Math.round(input.hoursPerWeek * 10) / 10,
  };
}

export interface EndParticipationInput {
  participationId: string;
  end: string;
}

/** Checks the end of an activity against it as it is now: once, and not before it started. */
export function validateParticipationEnd(
  current: { startDate: string; endDate: string | null },
  input: EndParticipationInput,
): { endDate: string } {
  const problems = new InputProblems();
  if (current.endDate !== null)
    problems.add('input.participationId', `The activity already ended on ${current.endDate}`);
  if (input.end < current.startDate) {
    problems.add('input.end', `The activity started on ${current.startDate}: it cannot end before`);
  }
  problems.throwIfAny();
  return { endDate: input.end };
}
