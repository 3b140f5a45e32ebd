import { InputProblems } from '@helhed/errors';
import { ageOn, parseCpr, type CprFacts } from '../cpr/cpr';
import type { MemberRole } from '../person/person.entity';

export interface NewMember {
  cpr: string;
  firstName: string;
  lastName: string;
  role: MemberRole;
}

export interface NewFamily {
  caseReference: string;
  enrolmentDate?: string | null;
  members: NewMember[];
}

export interface ValidNewFamily {
  caseReference: string;
  enrolmentDate: string | null;
  status: 'INTAKE' | 'ACTIVE';
  members: Array<Omit<NewMember, 'cpr'> & { cpr: CprFacts }>;
}

const CASE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9\-/.]{0,39}$/;
const ADULT_AGE = 18;

/**
 * Checks a new family as a whole and reports every problem with its input
 * path, so nothing is written unless all of it is right.
 */
export function validateNewFamily(input: NewFamily, today: string): ValidNewFamily {
  const problems = new InputProblems();
  const caseReference = input.caseReference.trim();
  if (!CASE_REFERENCE.test(caseReference)) {
    problems.add('input.caseReference', "A case reference is 1-40 letters, digits, '-', '/' or '.'");
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
    const firstName = member.firstName.trim();
    const lastName = member.lastName.trim();
    if (firstName.length === 0 || firstName.length > 100)
      problems.add(`${at}.firstName`, 'A first name is 1-100 characters');
    if (lastName.length === 0 || lastName.length > 100)
      problems.add(`${at}.lastName`, 'A last name is 1-100 characters');
    const cpr = parseCpr(member.cpr);
    if (!cpr.ok) {
      problems.add(`${at}.cpr`, cpr.reason);
      return;
    }
    if (cpr.value.birthDate > today) problems.add(`${at}.cpr`, 'The CPR number gives a birth date in the future');
    const earlier = seen.get(cpr.value.digits);
    if (earlier !== undefined) problems.add(`${at}.cpr`, `The same CPR number is given for member ${earlier} too`);
    seen.set(cpr.value.digits, i);
    const age = ageOn(cpr.value.birthDate, today);
    if (member.role === 'CHILD' && age >= ADULT_AGE) {
      problems.add(`${at}.role`, `A member aged ${age} is registered as OTHER_ADULT or PARENT, not CHILD`);
    }
    members.push({ firstName, lastName, role: member.role, cpr: cpr.value });
  });

  problems.throwIfAny();
  return {
    caseReference,
    enrolmentDate: input.enrolmentDate ?? null,
    status: input.enrolmentDate ? 'ACTIVE' : 'INTAKE',
    members,
  };
}
