import { UserInputError, UserInputErrors } from '@helhed/errors';
import {
  contactAssignmentOn,
  dayBefore,
  planContactPerson,
  planMembershipEnd,
  planTeamAssignment,
  type TeamState,
} from './team';

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserInputErrors) return e.problems.map((p) => p.field);
    if (e instanceof UserInputError) return [e.field];
    throw e;
  }
  return [];
};

const anna = { municipalityCode: '630', department: 'FAMILY' as const };
const jens = { municipalityCode: '630', department: 'JOBCENTER' as const };
const stranger = { municipalityCode: '101', department: 'FAMILY' as const };
const state = (over: Partial<TeamState> = {}): TeamState => ({
  family: { municipalityCode: '630', status: 'ACTIVE', closedOn: null },
  memberships: [],
  assignments: [],
  ...over,
});

describe('dayBefore', () => {
  it('steps back over month and year ends and leap days', () => {
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
  });
});

describe('planTeamAssignment', () => {
  it("takes the caseworker's department and a trimmed role", () => {
    expect(
      planTeamAssignment(
        { familyId: 'f', caseworkerId: 'jens', from: '2026-01-01', role: ' jobkonsulent ' },
        jens,
        state(),
      ),
    ).toEqual({
      department: 'JOBCENTER',
      role: 'jobkonsulent',
    });
  });

  it('refuses a closed family, an unknown caseworker or one of another municipality, and an empty role', () => {
    const closed = state({ family: { municipalityCode: '630', status: 'CLOSED', closedOn: '2026-01-01' } });
    expect(
      fieldsOf(() =>
        planTeamAssignment({ familyId: 'f', caseworkerId: 'x', from: '2026-01-01', role: ' ' }, stranger, closed),
      ),
    ).toEqual(['input.familyId', 'input.caseworkerId', 'input.role']);
    expect(
      fieldsOf(() => planTeamAssignment({ familyId: 'f', caseworkerId: 'x', from: '2026-01-01' }, null, state())),
    ).toEqual(['input.caseworkerId']);
  });

  it('refuses a membership that overlaps one of the same caseworker, and allows one after an ended one', () => {
    const ended = state({ memberships: [{ id: 'm', caseworkerId: 'anna', from: '2026-01-01', to: '2026-03-31' }] });
    const input = { familyId: 'f', caseworkerId: 'anna', from: '2026-03-31' };
    expect(fieldsOf(() => planTeamAssignment(input, anna, ended))).toEqual(['input.caseworkerId']);
    expect(planTeamAssignment({ ...input, from: '2026-04-01' }, anna, ended).department).toBe('FAMILY');
    const open = state({ memberships: [{ id: 'm', caseworkerId: 'anna', from: '2026-06-01', to: null }] });
    expect(fieldsOf(() => planTeamAssignment({ ...input, from: '2026-01-01' }, anna, open))).toEqual([
      'input.caseworkerId',
    ]);
  });
});

describe('planMembershipEnd', () => {
  const membership = { id: 'm', caseworkerId: 'anna', from: '2026-01-01', to: null };
  it('ends an open membership not before it began', () => {
    expect(planMembershipEnd(membership, { teamMemberId: 'm', to: '2026-01-01' }, state())).toEqual({
      to: '2026-01-01',
    });
    expect(fieldsOf(() => planMembershipEnd(membership, { teamMemberId: 'm', to: '2025-12-31' }, state()))).toEqual([
      'input.to',
    ]);
    expect(
      fieldsOf(() =>
        planMembershipEnd({ ...membership, to: '2026-02-01' }, { teamMemberId: 'm', to: '2026-03-01' }, state()),
      ),
    ).toEqual(['input.teamMemberId']);
  });

  it("refuses to end the contact person's membership while they are contact person", () => {
    const contact = state({ assignments: [{ id: 'a', caseworkerId: 'anna', from: '2026-02-01', to: null }] });
    expect(fieldsOf(() => planMembershipEnd(membership, { teamMemberId: 'm', to: '2026-06-30' }, contact))).toEqual([
      'input.teamMemberId',
    ]);
    const before = state({ assignments: [{ id: 'a', caseworkerId: 'anna', from: '2026-02-01', to: '2026-05-31' }] });
    expect(planMembershipEnd(membership, { teamMemberId: 'm', to: '2026-06-30' }, before)).toEqual({
      to: '2026-06-30',
    });
  });
});

describe('planContactPerson', () => {
  it('names a first contact person, who joins the team', () => {
    expect(planContactPerson({ familyId: 'f', caseworkerId: 'anna', from: '2026-01-01' }, anna, state())).toEqual({
      endCurrent: null,
      reason: null,
      joinTeam: 'FAMILY',
    });
  });

  it('ends the current assignment the day before, and keeps a team member on the team', () => {
    const s = state({
      memberships: [{ id: 'm', caseworkerId: 'jens', from: '2026-01-01', to: null }],
      assignments: [{ id: 'a', caseworkerId: 'anna', from: '2026-01-01', to: null }],
    });
    expect(
      planContactPerson({ familyId: 'f', caseworkerId: 'jens', from: '2026-03-01', reason: ' Job focus ' }, jens, s),
    ).toEqual({
      endCurrent: { id: 'a', to: '2026-02-28' },
      reason: 'Job focus',
      joinTeam: null,
    });
  });

  it('refuses the current contact person again, a start not after the current start, a membership that ends, and a bad reason', () => {
    const s = state({
      memberships: [{ id: 'm', caseworkerId: 'jens', from: '2026-01-01', to: '2026-12-31' }],
      assignments: [{ id: 'a', caseworkerId: 'anna', from: '2026-02-01', to: null }],
    });
    expect(
      fieldsOf(() => planContactPerson({ familyId: 'f', caseworkerId: 'anna', from: '2026-05-01' }, anna, s)),
    ).toEqual(['input.caseworkerId']);
    expect(
      fieldsOf(() =>
        planContactPerson({ familyId: 'f', caseworkerId: 'jens', from: '2026-02-01', reason: '' }, jens, s),
      ),
    ).toEqual(['input.reason', 'input.from', 'input.from']);
  });

  it('refuses a closed family and a caseworker of another municipality', () => {
    const closed = state({ family: { municipalityCode: '630', status: 'CLOSED', closedOn: '2026-01-01' } });
    expect(
      fieldsOf(() => planContactPerson({ familyId: 'f', caseworkerId: 'x', from: '2026-01-01' }, stranger, closed)),
    ).toEqual(['input.familyId', 'input.caseworkerId']);
  });
});

describe('contactAssignmentOn', () => {
  it('finds the assignment in force on a day', () => {
    const assignments = [
      { id: 'b', caseworkerId: 'jens', from: '2026-03-01', to: null },
      { id: 'a', caseworkerId: 'anna', from: '2026-01-01', to: '2026-02-28' },
    ];
    expect(contactAssignmentOn(assignments, '2026-02-28')?.id).toBe('a');
    expect(contactAssignmentOn(assignments, '2026-03-01')?.id).toBe('b');
    expect(contactAssignmentOn(assignments, '2025-12-31')).toBeNull();
  });
});
