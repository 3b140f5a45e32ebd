import { InputProblems } from '@helhed/errors';
import { ageOn, parseCpr, type CprFacts } from '../cpr/cpr';
import type { FamilyEntity } from '../family/family.entity';
import type { MemberRole, PersonEntity } from './person.entity';

/** A member as a caseworker registers one: with a new family or added to an existing one. */
export interface NewMember {
  cpr: string;
  firstName: string;
  lastName: string;
  role: MemberRole;
}

export type ValidNewMember = Omit<NewMember, 'cpr'> & { cpr: CprFacts };

/** Changes to a member's name or role; a left-out (or null) field is kept. */
export interface MemberUpdate {
  personId: string;
  firstName?: string | null;
  lastName?: string | null;
  role?: MemberRole | null;
}

/** Why a member leaves the family. */
export interface MemberRemoval {
  personId: string;
  removedOn: string;
  reason: string;
}

export const ADULT_AGE = 18;
const NAME_MAX = 100;
const REASON_MAX = 500;

function checkName(value: string, field: string, label: string, problems: InputProblems): string {
  const name = value.trim();
  if (name.length === 0 || name.length > NAME_MAX) problems.add(field, `A ${label} is 1-${NAME_MAX} characters`);
  return name;
}

function checkRoleForAge(role: MemberRole, birthDate: string, today: string, field: string, problems: InputProblems) {
  const age = ageOn(birthDate, today);
  if (role === 'CHILD' && age >= ADULT_AGE) {
    problems.add(field, `A member aged ${age} is registered as OTHER_ADULT or PARENT, not CHILD`);
  }
}

/**
 * The rules for one member, the same whether the member comes with a new family
 * (`at` = `input.members[2]`) or is added later (`at` = `input`): names, a real
 * CPR number not born in the future, and no CHILD of 18 or more. Adds every
 * problem to `problems`; returns the member when its CPR number could be read.
 */
export function checkNewMember(
  member: NewMember,
  at: string,
  today: string,
  problems: InputProblems,
): ValidNewMember | null {
  const firstName = checkName(member.firstName, `${at}.firstName`, 'first name', problems);
  const lastName = checkName(member.lastName, `${at}.lastName`, 'last name', problems);
  const cpr = parseCpr(member.cpr);
  if (!cpr.ok) {
    problems.add(`${at}.cpr`, cpr.reason);
    return null;
  }
  if (cpr.value.birthDate > today) problems.add(`${at}.cpr`, 'The CPR number gives a birth date in the future');
  checkRoleForAge(member.role, cpr.value.birthDate, today, `${at}.role`, problems);
  return { firstName, lastName, role: member.role, cpr: cpr.value };
}

/** What a member change is checked against: the locked family and its current members. */
export interface MemberChangeState {
  family: Pick<FamilyEntity, 'status' | 'closedOn'>;
  /** The family's current (not removed) members, before the change. */
  members: PersonEntity[];
}

/** The columns a member change may set. */
export type PersonChange = Partial<
  Pick<PersonEntity, 'firstName' | 'lastName' | 'role' | 'removedOn' | 'removalReason'>
>;

/** A member to add to an existing family. */
export interface MemberAddition extends NewMember {
  familyId: string;
}

/** The rules of `checkNewMember` for a member added to an existing family, with `input.*` paths. */
export function validateMemberAddition(input: MemberAddition, today: string): ValidNewMember {
  const problems = new InputProblems();
  const valid = checkNewMember(input, 'input', today, problems);
  problems.throwIfAny();
  return valid!;
}

/** A member joins a family that is not closed and does not have them already. */
export function checkAddition(state: MemberChangeState & { sameCprMember: PersonEntity | null }): void {
  const problems = new InputProblems();
  if (state.family.status === 'CLOSED') {
    problems.add(
      'input.familyId',
      `The family was closed on ${state.family.closedOn}; members are not added to a CLOSED family`,
    );
  }
  if (state.sameCprMember) problems.add('input.cpr', 'A current member of the family has this CPR number');
  problems.throwIfAny();
}

/** New name and role of a current member; only what is given changes. The family keeps a PARENT. */
export function planMemberUpdate(
  person: PersonEntity,
  state: MemberChangeState,
  input: MemberUpdate,
  today: string,
): PersonChange {
  const problems = new InputProblems();
  if (person.removedOn) problems.add('input.personId', `The member left the family on ${person.removedOn}`);
  const change: PersonChange = {};
  if (input.firstName != null) change.firstName = checkName(input.firstName, 'input.firstName', 'first name', problems);
  if (input.lastName != null) change.lastName = checkName(input.lastName, 'input.lastName', 'last name', problems);
  if (input.role != null && input.role !== person.role) {
    change.role = input.role;
    checkRoleForAge(input.role, person.birthDate, today, 'input.role', problems);
    if (person.role === 'PARENT') {
      checkKeepsAParent(
        state.members.filter((m) => m.id !== person.id),
        'input.role',
        problems,
      );
    }
  }
  problems.throwIfAny();
  return change;
}

/** A current member leaves the family (soft removal) on a day not in the future, with a reason; never the last PARENT. */
export function planMemberRemoval(
  person: PersonEntity,
  state: MemberChangeState,
  input: MemberRemoval,
  today: string,
): PersonChange {
  const problems = new InputProblems();
  if (person.removedOn) {
    problems.add('input.personId', `The member already left the family on ${person.removedOn}`);
  } else if (person.role === 'PARENT') {
    checkKeepsAParent(
      state.members.filter((m) => m.id !== person.id),
      'input.personId',
      problems,
    );
  }
  if (input.removedOn > today) problems.add('input.removedOn', 'A member cannot be removed from a future date');
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > REASON_MAX) {
    problems.add('input.reason', `A reason is 1-${REASON_MAX} characters`);
  }
  problems.throwIfAny();
  return { removedOn: input.removedOn, removalReason: reason };
}

function checkKeepsAParent(remaining: Array<Pick<PersonEntity, 'role'>>, field: string, problems: InputProblems) {
  if (!remaining.some((m) => m.role === 'PARENT')) {
    problems.add(
      field,
      'This is the last PARENT of the family: a family keeps at least one member with the role PARENT',
    );
  }
}
