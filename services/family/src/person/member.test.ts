import { InputProblems, UserInputError, UserInputErrors } from '@helhed/errors';
import type { PersonEntity } from './person.entity';
import { checkAddition, checkNewMember, planMemberRemoval, planMemberUpdate, validateMemberAddition } from './member';

const today = '2026-11-22';
const person = (over: Partial<PersonEntity> = {}): PersonEntity =>
  ({
    id: 'p1',
    familyId: 'f',
    firstName: 'Mette',
    lastName: 'Hansen',
    role: 'PARENT',
    birthDate: '1990-01-01',
    removedOn: null,
    removalReason: null,
    ...over,
  }) as PersonEntity;
const child = person({ id: 'c1', role: 'CHILD', birthDate: '2015-03-15', firstName: 'Oskar' });
const open = { status: 'ACTIVE' as const, closedOn: null };

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

describe('checkNewMember (shared by createFamily and addMember)', () => {
  it('gives every problem under the path it is given', () => {
    const problems = new InputProblems();
    const valid = checkNewMember(
      { cpr: '0101901234', firstName: ' ', lastName: 'x'.repeat(101), role: 'CHILD' },
      'input.members[3]',
      today,
      problems,
    );
    expect(valid?.cpr.birthDate).toBe('1990-01-01');
    expect(fieldsOf(() => problems.throwIfAny())).toEqual([
      'input.members[3].firstName',
      'input.members[3].lastName',
      'input.members[3].role',
    ]);
  });
});

describe('validateMemberAddition', () => {
  it('trims names and derives birth date and sex', () => {
    const valid = validateMemberAddition(
      { familyId: 'f', cpr: '150315-4321', firstName: ' Oskar ', lastName: 'Hansen', role: 'CHILD' },
      today,
    );
    expect(valid).toMatchObject({ firstName: 'Oskar', cpr: { birthDate: '2015-03-15', sex: 'MALE' } });
  });

  it('refuses a bad CPR number, a birth in the future and an adult CHILD, with input.* paths', () => {
    const add = (cpr: string, role: 'CHILD' | 'PARENT' = 'CHILD') =>
      fieldsOf(() => validateMemberAddition({ familyId: 'f', cpr, firstName: 'A', lastName: 'B', role }, today));
    expect(add('3102901234')).toEqual(['input.cpr']);
    expect(add('0101364234', 'PARENT')).toEqual(['input.cpr']);
    expect(add('0101901234')).toEqual(['input.role']);
  });
});

describe('checkAddition', () => {
  it('refuses a CLOSED family and a CPR number a current member has', () => {
    expect(fieldsOf(() => checkAddition({ family: open, members: [], sameCprMember: null }))).toEqual([]);
    expect(
      fieldsOf(() =>
        checkAddition({ family: { status: 'CLOSED', closedOn: '2026-01-01' }, members: [], sameCprMember: person() }),
      ),
    ).toEqual(['input.familyId', 'input.cpr']);
  });
});

describe('planMemberUpdate', () => {
  it('changes what is given', () => {
    expect(
      planMemberUpdate(
        child,
        { family: open, members: [person(), child] },
        { personId: 'c1', lastName: ' Berg ' },
        today,
      ),
    ).toEqual({
      lastName: 'Berg',
    });
  });

  it('keeps a PARENT in the family, no adult CHILD and no changes to a former member', () => {
    const state = { family: open, members: [person(), child] };
    expect(fieldsOf(() => planMemberUpdate(person(), state, { personId: 'p1', role: 'OTHER_ADULT' }, today))).toEqual([
      'input.role',
    ]);
    expect(fieldsOf(() => planMemberUpdate(person(), state, { personId: 'p1', role: 'CHILD' }, today))).toEqual([
      'input.role',
      'input.role',
    ]);
    const second = person({ id: 'p2' });
    expect(
      planMemberUpdate(
        person(),
        { family: open, members: [person(), second] },
        { personId: 'p1', role: 'OTHER_ADULT' },
        today,
      ),
    ).toEqual({ role: 'OTHER_ADULT' });
    const former = person({ removedOn: '2026-01-01', removalReason: 'Moved' });
    expect(fieldsOf(() => planMemberUpdate(former, state, { personId: 'p1', firstName: 'X' }, today))).toEqual([
      'input.personId',
    ]);
  });
});

describe('planMemberRemoval', () => {
  it('removes a child with its date and reason', () => {
    const state = { family: open, members: [person(), child] };
    expect(
      planMemberRemoval(child, state, { personId: 'c1', removedOn: today, reason: ' Moved to father ' }, today),
    ).toEqual({
      removedOn: today,
      removalReason: 'Moved to father',
    });
  });

  it('refuses the last PARENT, a future day, an empty reason and a member removed already', () => {
    const state = { family: open, members: [person(), child] };
    expect(
      fieldsOf(() =>
        planMemberRemoval(person(), state, { personId: 'p1', removedOn: '2026-11-23', reason: '' }, today),
      ),
    ).toEqual(['input.personId', 'input.removedOn', 'input.reason']);
    const former = person({ id: 'c1', removedOn: '2026-01-01' });
    expect(
      fieldsOf(() => planMemberRemoval(former, state, { personId: 'c1', removedOn: today, reason: 'x' }, today)),
    ).toEqual(['input.personId']);
  });
});
