import { InputProblems } from '@helhed/errors';
import { checkNewMember, type NewMember, type ValidNewMember } from '../person/member';

export type { NewMember } from '../person/member';

export interface NewFamily {
  caseReference: string;
  enrolmentDate?: string | null;
  members: NewMember[];
}

export interface ValidNewFamily {
  caseReference: string;
  enrolmentDate: string | null;
  status: 'INTAKE' | 'ACTIVE';
  members: ValidNewMember[];
}

export const CASE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9\-/.]{0,39}$/;
export const CASE_REFERENCE_RULE = "A case reference is 1-40 letters, digits, '-', '/' or '.'";

/**
 * Checks a new family as a whole and reports every problem with its input
 * path, so nothing is written unless all of it is right.
 */
export function validateNewFamily(input: NewFamily, today: string): ValidNewFamily {
  const problems = new InputProblems();
  const caseReference = input.caseReference.trim();
  if (!CASE_REFERENCE.test(caseReference)) {
    problems.add('input.caseReference', CASE_REFERENCE_RULE);
  }
  if (input.enrolmentDate && input.enrolmentDate > today) {
    problems.add('input.enrolmentDate', 'The enrolment date cannot be in the future');
  }
  if (input.members.length === 0) problems.add('input.members', 'A family has at least one member');
  else if (!input.members.some((m) => m.role === 'PARENT')) {
    problems.add('input.members', 'A family has at least one member with the role PARENT');
  }

  const seen = new Map<string, number>();
  const members: ValidNewFamily['members'] = [];
  input.members.forEach((member, i) => {
    const at = `input.members[${i}]`;
    const valid = checkNewMember(member, at, today, problems);
    if (!valid) return;
    const earlier = seen.get(valid.cpr.digits);
    if (earlier !== undefined) problems.add(`${at}.cpr`, `The same CPR number is given for member ${earlier} too`);
    seen.set(valid.cpr.digits, i);
    members.push(valid);
  });

  problems.throwIfAny();
  return {
    caseReference,
    enrolmentDate: input.enrolmentDate ?? null,
    status: input.enrolmentDate ? 'ACTIVE' : 'INTAKE',
    members,
  };
}
