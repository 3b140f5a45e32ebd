import { InputProblems } from '@helhed/errors';
import type { Department } from '@helhed/identity';
import type { FamilyEntity } from '../family/family.entity';

/** A caseworker joining a family's team. */
export interface TeamAssignment {
  familyId: string;
  caseworkerId: string;
  from: string;
  role?: string | null;
}

/** The end of a team membership. */
export interface TeamMembershipEnd {
  teamMemberId: string;
  to: string;
}

/** A new contact person for a family, from a day. */
export interface ContactPersonChoice {
  familyId: string;
  caseworkerId: string;
  from: string;
  reason?: string | null;
}

/** A team membership as the rules see it. */
export interface Membership {
  id: string;
  caseworkerId: string;
  from: string;
  to: string | null;
}

/** A contact-person assignment as the rules see it. */
export interface Assignment {
  id: string;
  caseworkerId: string;
  from: string;
  to: string | null;
}

/** What a team change is checked against: the locked family, all its memberships and contact-person assignments. */
export interface TeamState {
  family: Pick<FamilyEntity, 'municipalityCode' | 'status' | 'closedOn'>;
  memberships: Membership[];
  assignments: Assignment[];
}

/** The caseworker named in the input, if any has that id. */
export type NamedCaseworker = { municipalityCode: string; department: Department } | null;

const ROLE_MAX = 100;
const REASON_MAX = 500;

/** The day before a date (YYYY-MM-DD). */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Whether a membership has not ended by `day` (a future membership counts: it has not ended). */
export const notEndedOn = (m: { to: string | null }, day: string): boolean => m.to === null || m.to >= day;

/** The contact-person assignment in force on `day`, if any. */
export function contactAssignmentOn<A extends Assignment>(assignments: readonly A[], day: string): A | null {
  return assignments.find((a) => a.from <= day && (a.to === null || a.to >= day)) ?? null;
}

const period = (m: { from: string; to: string | null }) => (m.to ? `from ${m.from} to ${m.to}` : `from ${m.from}`);

function checkFamilyOpen(state: TeamState, problems: InputProblems) {
  if (state.family.status === 'CLOSED') {
    problems.add(
      'input.familyId',
      `The family was closed on ${state.family.closedOn}; its team is not changed any more`,
    );
  }
}

function checkCaseworker(caseworker: NamedCaseworker, state: TeamState, problems: InputProblems) {
  if (!caseworker || caseworker.municipalityCode !== state.family.municipalityCode) {
    problems.add('input.caseworkerId', "There is no caseworker with this id in the family's municipality");
  }
}

/** Memberships of the caseworker that are in force on `from` or later. */
const membershipsFrom = (state: TeamState, caseworkerId: string, from: string) =>
  state.memberships.filter((m) => m.caseworkerId === caseworkerId && notEndedOn(m, from));

/**
 * A caseworker of the family's municipality joins the team of a family that is
 * not closed, and is not on it already in the same period. The team member's
 * department is the caseworker's.
 */
export function planTeamAssignment(
  input: TeamAssignment,
  caseworker: NamedCaseworker,
  state: TeamState,
): { department: Department; role: string | null } {
  const problems = new InputProblems();
  checkFamilyOpen(state, problems);
  checkCaseworker(caseworker, state, problems);
  const role = input.role == null ? null : input.role.trim();
  if (role !== null && (role.length === 0 || role.length > ROLE_MAX)) {
    problems.add('input.role', `A role on the team is 1-${ROLE_MAX} characters`);
  }
  const overlapping = membershipsFrom(state, input.caseworkerId, input.from)[0];
  if (overlapping) {
    problems.add('input.caseworkerId', `The caseworker is on the family's team already (${period(overlapping)})`);
  }
  problems.throwIfAny();
  return { department: caseworker!.department, role };
}

/** A membership ends once, not before it began, and not while its caseworker remains the contact person. */
export function planMembershipEnd(membership: Membership, input: TeamMembershipEnd, state: TeamState): { to: string } {
  const problems = new InputProblems();
  if (membership.to !== null) {
    problems.add('input.teamMemberId', `The team membership ended already on ${membership.to}`);
  } else {
    if (input.to < membership.from) {
      problems.add('input.to', `A team membership cannot end before it began (${membership.from})`);
    }
    const contact = state.assignments.find(
      (a) => a.caseworkerId === membership.caseworkerId && (a.to === null || a.to > input.to),
    );
    if (contact) {
      problems.add(
        'input.teamMemberId',
        `The caseworker is the family's contact person (${period(contact)}): name another contact person (setContactPerson) first`,
      );
    }
  }
  problems.throwIfAny();
  return { to: input.to };
}

/**
 * Names the family's contact person from `from`: the current assignment (the
 * open one) ends the day before, so `from` comes after its start. The contact
 * person is a team member; one who is not on the team joins it from `from`.
 */
export function planContactPerson(
  input: ContactPersonChoice,
  caseworker: NamedCaseworker,
  state: TeamState,
): { endCurrent: { id: string; to: string } | null; reason: string | null; joinTeam: Department | null } {
  const problems = new InputProblems();
  checkFamilyOpen(state, problems);
  checkCaseworker(caseworker, state, problems);
  const reason = input.reason == null ? null : input.reason.trim();
  if (reason !== null && (reason.length === 0 || reason.length > REASON_MAX)) {
    problems.add('input.reason', `A reason is 1-${REASON_MAX} characters`);
  }
  const open = state.assignments.find((a) => a.to === null);
  if (open && open.caseworkerId === input.caseworkerId) {
    problems.add('input.caseworkerId', `The caseworker is the family's contact person already (from ${open.from})`);
  } else if (open && input.from <= open.from) {
    problems.add(
      'input.from',
      `A new contact person starts after the current one started (${open.from}): the current assignment ends the day before`,
    );
  }
  const memberships = membershipsFrom(state, input.caseworkerId, input.from);
  const covering = memberships.some((m) => m.to === null && m.from <= input.from);
  if (memberships.length > 0 && !covering) {
    const m = memberships[0]!;
    problems.add(
      'input.from',
      `The caseworker is on the team ${period(m)}; a contact person is on the team from the first day, with no end date`,
    );
  }
  problems.throwIfAny();
  return {
    endCurrent: open ? { id: open.id, to: dayBefore(input.from) } : null,
    reason,
    joinTeam: memberships.length === 0 ? caseworker!.department : null,
  };
}
