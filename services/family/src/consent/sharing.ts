import { CATEGORY_OWNER, type DataCategory, type Department } from '@helhed/identity';

/**
 * The rule on exchanging a person's data between departments, as one pure
 * function: every place that shows one department's data to another asks it.
 *
 * A department may see a category of a person's data on a day when
 * - it owns the category (SOCIAL and BASIC: FAMILY, EMPLOYMENT: JOBCENTER,
 *   HEALTH: HEALTH, ECONOMY: ECONOMY), or
 * - a consent covers that department and category on that day (valid from
 *   `validFrom` through `validTo`, and no longer from the day it was withdrawn), or
 * - another recorded legal basis covers them on that day.
 */

/** What a consent says, as far as the sharing rule is concerned. */
export interface ConsentTerms {
  departments: readonly Department[];
  categories: readonly DataCategory[];
  validFrom: string;
  validTo: string | null;
  withdrawnOn: string | null;
}

/** What a legal basis says, as far as the sharing rule is concerned. */
export interface LegalBasisTerms {
  departments: readonly Department[];
  categories: readonly DataCategory[];
  validFrom: string;
  validTo: string | null;
}

export type ConsentStatus = 'PENDING' | 'ACTIVE' | 'WITHDRAWN' | 'EXPIRED';
export type LegalBasisStatus = 'PENDING' | 'ACTIVE' | 'ENDED';

/** The grounds on which a department may see the data: one reason or more. */
export type SharingBasis<C, L> =
  { kind: 'OWN_DEPARTMENT' } | { kind: 'CONSENT'; consent: C } | { kind: 'LEGAL_BASIS'; legalBasis: L };

export interface SharingDecision<C, L> {
  allowed: boolean;
  basis: Array<SharingBasis<C, L>>;
}

export interface SharingQuestion {
  /** The department that wants to see the data. */
  department: Department;
  category: DataCategory;
  /** The day asked about, YYYY-MM-DD. */
  on: string;
}

const inPeriod = (day: string, from: string, to: string | null) => from <= day && (to === null || day <= to);

/** Whether a consent covers this department and category on this day. */
export function consentCovers(consent: ConsentTerms, question: SharingQuestion): boolean {
  return (
    consent.departments.includes(question.department) &&
    consent.categories.includes(question.category) &&
    inPeriod(question.on, consent.validFrom, consent.validTo) &&
    (consent.withdrawnOn === null || question.on < consent.withdrawnOn)
  );
}

/** Whether a legal basis covers this department and category on this day. */
export function legalBasisCovers(basis: LegalBasisTerms, question: SharingQuestion): boolean {
  return (
    basis.departments.includes(question.department) &&
    basis.categories.includes(question.category) &&
    inPeriod(question.on, basis.validFrom, basis.validTo)
  );
}

/**
 * May `question.department` see the person's `question.category` data on
 * `question.on`? `consents` and `legalBases` are the person's (all of them;
 * those that do not cover the question are ignored). The basis lists every
 * consent and legal basis that covers the question, or OWN_DEPARTMENT alone.
 */
export function decideSharing<C extends ConsentTerms, L extends LegalBasisTerms>(
  question: SharingQuestion,
  grounds: { consents: readonly C[]; legalBases: readonly L[] },
): SharingDecision<C, L> {
  if (CATEGORY_OWNER[question.category] === question.department) {
    return { allowed: true, basis: [{ kind: 'OWN_DEPARTMENT' }] };
  }
  const basis: Array<SharingBasis<C, L>> = [
    ...grounds.consents
      .filter((c) => consentCovers(c, question))
      .map((consent) => ({ kind: 'CONSENT' as const, consent })),
    ...grounds.legalBases
      .filter((l) => legalBasisCovers(l, question))
      .map((legalBasis) => ({ kind: 'LEGAL_BASIS' as const, legalBasis })),
  ];
  return { allowed: basis.length > 0, basis };
}

/** A consent's status on a day: withdrawal wins over expiry, which wins over not yet valid. */
export function consentStatus(consent: ConsentTerms, day: string): ConsentStatus {
  if (consent.withdrawnOn !== null && consent.withdrawnOn <= day) return 'WITHDRAWN';
  if (consent.validTo !== null && consent.validTo < day) return 'EXPIRED';
  if (consent.validFrom > day) return 'PENDING';
  return 'ACTIVE';
}

/** A legal basis's status on a day. */
export function legalBasisStatus(basis: LegalBasisTerms, day: string): LegalBasisStatus {
  if (basis.validTo !== null && basis.validTo < day) return 'ENDED';
  if (basis.validFrom > day) return 'PENDING';
  return 'ACTIVE';
}
