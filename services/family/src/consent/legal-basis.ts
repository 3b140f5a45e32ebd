import { InputProblems } from '@helhed/errors';
import type { DataCategory, Department } from '@helhed/identity';
import { checkPeriod, checkScope } from './consent';
import { checkCurrentMember, checkText, type MemberFacts } from './member-facts';

export const LEGAL_BASIS_CODE = /^[A-Z0-9_]{2,40}$/;
export const CITATION_MAX = 500;

export interface RecordLegalBasisInput {
  personId: string;
  departments: Department[];
  categories: DataCategory[];
  code: string;
  citation: string;
  validFrom: string;
  validTo?: string | null;
}

export interface ValidLegalBasis {
  personId: string;
  familyId: string;
  departments: Department[];
  categories: DataCategory[];
  code: string;
  citation: string;
  validFrom: string;
  validTo: string | null;
}

/** Checks a legal basis to record and reports every problem with its input path. */
export function validateLegalBasis(input: RecordLegalBasisInput, person: MemberFacts | null): ValidLegalBasis {
  const problems = new InputProblems();
  const member = checkCurrentMember(person, 'input.personId', problems);
  const scope = checkScope(input, problems);
  const code = input.code.trim();
  if (!LEGAL_BASIS_CODE.test(code)) {
    problems.add('input.code', 'A code is 2-40 capital letters, digits or underscores, e.g. SEL_49B');
  }
  const citation = checkText(input.citation, 'input.citation', 'A citation', CITATION_MAX, problems);
  const validTo = input.validTo ?? null;
  checkPeriod(input.validFrom, validTo, problems);
  problems.throwIfAny();
  return {
    personId: member!.id,
    familyId: member!.familyId,
    ...scope,
    code,
    citation,
    validFrom: input.validFrom,
    validTo,
  };
}

export interface EndLegalBasisInput {
  legalBasisId: string;
  validTo: string;
}

/**
 * Checks the end of a legal basis against it as it is now: not before it
 * began, and only earlier than an end it already has (a basis is not
 * extended: record a new one).
 */
export function validateLegalBasisEnd(
  current: { validFrom: string; validTo: string | null },
  input: EndLegalBasisInput,
): { validTo: string } {
  const problems = new InputProblems();
  if (input.validTo < current.validFrom) {
    problems.add('input.validTo', `The legal basis is valid from ${current.validFrom}: it cannot end before`);
  } else if (current.validTo !== null && input.validTo >= current.validTo) {
    problems.add(
      'input.validTo',
      `The legal basis already ends on ${current.validTo}; it is not extended (record a new one instead)`,
    );
  }
  problems.throwIfAny();
  return { validTo: input.validTo };
}
