import { InputProblems } from '@helhed/errors';
import { DATA_CATEGORIES, DEPARTMENTS, type DataCategory, type Department } from '@helhed/identity';
import { ageOn } from '../cpr/cpr';
import { ADULT_AGE } from './custody';
import { checkCurrentMember, checkText, distinct, type MemberFacts } from './member-facts';

export const DEFAULT_CONSENT_OWN_AGE = 15;
export const PURPOSE_MAX = 500;
export const REASON_MAX = 500;

export interface GiveConsentInput {
  personId: string;
  givenById: string;
  departments: Department[];
  categories: DataCategory[];
  purpose: string;
  validFrom: string;
  validTo?: string | null;
}

export interface ValidConsent {
  personId: string;
  familyId: string;
  givenById: string;
  departments: Department[];
  categories: DataCategory[];
  purpose: string;
  validFrom: string;
  validTo: string | null;
}

/** What the giver rule needs besides the input. */
export interface ConsentFacts {
  /** The member `input.personId` names, or null. */
  person: MemberFacts | null;
  /** The member `input.givenById` names, or null. */
  givenBy: MemberFacts | null;
  /** The person's current custody holders (member ids). */
  custodyHolderIds: readonly string[];
}

/** The departments and categories a consent or legal basis names: at least one of each, known values. */
export function checkScope(
  input: { departments: readonly string[]; categories: readonly string[] },
  problems: InputProblems,
): { departments: Department[]; categories: DataCategory[] } {
  if (input.departments.length === 0) problems.add('input.departments', 'Name at least one receiving department');
  input.departments.forEach((d, i) => {
    if (!(DEPARTMENTS as readonly string[]).includes(d))
      problems.add(`input.departments[${i}]`, `Unknown department ${d}`);
  });
  if (input.categories.length === 0) problems.add('input.categories', 'Name at least one data category');
  input.categories.forEach((c, i) => {
    if (!(DATA_CATEGORIES as readonly string[]).includes(c))
      problems.add(`input.categories[${i}]`, `Unknown category ${c}`);
  });
  return {
    departments: distinct(input.departments) as Department[],
    categories: distinct(input.categories) as DataCategory[],
  };
}

/** A validity period: `validTo`, when given, is not before `validFrom`. */
export function checkPeriod(validFrom: string, validTo: string | null, problems: InputProblems): void {
  if (validTo !== null && validTo < validFrom) problems.add('input.validTo', 'The end date is before validFrom');
}

/**
 * Who may give a consent for whose data (the age is taken on the day the
 * consent was given: validFrom, or today when validFrom lies ahead):
 * - an adult (18 or older) for themselves only;
 * - a young person from `ownAge` (CONSENT_OWN_AGE, 15 by default) for themselves,
 *   or a custody holder for them;
 * - a child under `ownAge` only through a custody holder.
 * Returns the problem with the giver, or null when the giver may give it.
 */
export function giverProblem(
  person: MemberFacts,
  givenBy: MemberFacts,
  custodyHolderIds: readonly string[],
  givenOn: string,
  ownAge: number,
): string | null {
  const age = ageOn(person.birthDate, givenOn);
  const self = person.id === givenBy.id;
  const holder = custodyHolderIds.includes(givenBy.id);
  if (age >= ADULT_AGE) return self ? null : 'An adult gives consent for their own data only';
  if (age >= ownAge) {
    return self || holder
      ? null
      : `A young person of ${age} consents for themselves, or a custody holder consents for them`;
  }
  if (holder) return null;
  return self
    ? `A child under ${ownAge} cannot consent: a custody holder consents for them`
    : `Only a custody holder consents for a child under ${ownAge}, and this member does not hold custody of the child`;
}

/** Checks a consent to record and reports every problem with its input path. */
export function validateConsent(
  input: GiveConsentInput,
  facts: ConsentFacts,
  settings: { ownAge: number; today: string },
): ValidConsent {
  const problems = new InputProblems();
  const person = checkCurrentMember(facts.person, 'input.personId', problems);
  const givenBy = checkCurrentMember(facts.givenBy, 'input.givenById', problems);
  const scope = checkScope(input, problems);
  const purpose = checkText(input.purpose, 'input.purpose', 'A purpose', PURPOSE_MAX, problems);
  const validTo = input.validTo ?? null;
  checkPeriod(input.validFrom, validTo, problems);
  if (person && givenBy) {
    if (givenBy.familyId !== person.familyId) {
      problems.add('input.givenById', "The consent is given by the person or a custody holder in the person's family");
    } else {
      const givenOn = input.validFrom < settings.today ? input.validFrom : settings.today;
      const problem = giverProblem(person, givenBy, facts.custodyHolderIds, givenOn, settings.ownAge);
      if (problem) problems.add('input.givenById', problem);
    }
  }
  problems.throwIfAny();
  return {
    personId: person!.id,
    familyId: person!.familyId,
    givenById: givenBy!.id,
    ...scope,
    purpose,
    validFrom: input.validFrom,
    validTo,
  };
}

export interface WithdrawConsentInput {
  consentId: string;
  withdrawnOn: string;
  reason?: string | null;
}

/**
 * Checks a withdrawal against the consent as it is now (read inside the
 * writing transaction): once only, not before the consent began, and not after
 * it had expired anyway.
 */
export function validateWithdrawal(
  current: { validFrom: string; validTo: string | null; withdrawnOn: string | null },
  input: WithdrawConsentInput,
): { withdrawnOn: string; withdrawalReason: string | null } {
  const problems = new InputProblems();
  if (current.withdrawnOn)
    problems.add('input.consentId', `The consent was already withdrawn on ${current.withdrawnOn}`);
  if (input.withdrawnOn < current.validFrom) {
    problems.add('input.withdrawnOn', `The consent is valid from ${current.validFrom}: it cannot be withdrawn before`);
  } else if (current.validTo !== null && input.withdrawnOn > current.validTo) {
    problems.add('input.withdrawnOn', `The consent expired on ${current.validTo}, before this withdrawal`);
  }
  const reason = input.reason?.trim() || null;
  if (reason !== null && reason.length > REASON_MAX) {
    problems.add('input.reason', `A reason is at most ${REASON_MAX} characters`);
  }
  problems.throwIfAny();
  return { withdrawnOn: input.withdrawnOn, withdrawalReason: reason };
}
