import { UserInputError, UserInputErrors } from '@helhed/errors';
import type { FamilyEntity } from './family.entity';
import { planActivation, planClosing, planFamilyUpdate } from './family-lifecycle';

const today = '2026-11-22';
const family = (over: Partial<FamilyEntity> = {}): FamilyEntity =>
  ({
    id: 'f',
    municipalityCode: '630',
    caseReference: 'VEJ-1',
    status: 'ACTIVE',
    enrolmentDate: '2026-03-01',
    closedOn: null,
    closeReason: null,
    ...over,
  }) as FamilyEntity;

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

describe('planFamilyUpdate', () => {
  it('changes only what differs', () => {
    expect(
      planFamilyUpdate(family(), { familyId: 'f', caseReference: ' VEJ-2 ', enrolmentDate: '2026-03-01' }, today),
    ).toEqual({ caseReference: 'VEJ-2' });
    expect(planFamilyUpdate(family(), { familyId: 'f' }, today)).toEqual({});
  });

  it('corrects the enrolment date of an ACTIVE family, not of one in INTAKE, not into the future or past the closing', () => {
    expect(planFamilyUpdate(family(), { familyId: 'f', enrolmentDate: '2026-02-01' }, today)).toEqual({
      enrolmentDate: '2026-02-01',
    });
    const intake = family({ status: 'INTAKE', enrolmentDate: null });
    expect(fieldsOf(() => planFamilyUpdate(intake, { familyId: 'f', enrolmentDate: '2026-02-01' }, today))).toEqual([
      'input.enrolmentDate',
    ]);
    expect(fieldsOf(() => planFamilyUpdate(family(), { familyId: 'f', enrolmentDate: '2026-12-01' }, today))).toEqual([
      'input.enrolmentDate',
    ]);
    const closed = family({ status: 'CLOSED', closedOn: '2026-06-30', closeReason: 'Done' });
    expect(fieldsOf(() => planFamilyUpdate(closed, { familyId: 'f', enrolmentDate: '2026-07-01' }, today))).toEqual([
      'input.enrolmentDate',
    ]);
  });

  it('reports every problem', () => {
    expect(
      fieldsOf(() =>
        planFamilyUpdate(family(), { familyId: 'f', caseReference: '', enrolmentDate: '2027-01-01' }, today),
      ),
    ).toEqual(['input.caseReference', 'input.enrolmentDate']);
  });
});

describe('planActivation', () => {
  it('activates a family in INTAKE', () => {
    const intake = family({ status: 'INTAKE', enrolmentDate: null });
    expect(planActivation(intake, { familyId: 'f', enrolmentDate: '2026-11-01' }, today)).toEqual({
      status: 'ACTIVE',
      enrolmentDate: '2026-11-01',
    });
  });

  it('refuses an ACTIVE or CLOSED family and a future enrolment date', () => {
    expect(fieldsOf(() => planActivation(family(), { familyId: 'f', enrolmentDate: '2026-11-01' }, today))).toEqual([
      'input.familyId',
    ]);
    const closed = family({ status: 'CLOSED', closedOn: '2026-06-30' });
    expect(fieldsOf(() => planActivation(closed, { familyId: 'f', enrolmentDate: '2026-12-01' }, today))).toEqual([
      'input.familyId',
      'input.enrolmentDate',
    ]);
  });
});

describe('planClosing', () => {
  it('closes an ACTIVE family or one in INTAKE with a trimmed reason', () => {
    expect(planClosing(family(), { familyId: 'f', closedOn: '2026-03-01', reason: ' Goals reached ' }, today)).toEqual({
      status: 'CLOSED',
      closedOn: '2026-03-01',
      closeReason: 'Goals reached',
    });
    const intake = family({ status: 'INTAKE', enrolmentDate: null });
    expect(planClosing(intake, { familyId: 'f', closedOn: '2020-01-01', reason: 'Declined' }, today).status).toBe(
      'CLOSED',
    );
  });

  it('refuses a CLOSED family, a day before enrolment or in the future, and a reason of 0 or over 500 characters', () => {
    const closed = family({ status: 'CLOSED', closedOn: '2026-06-30' });
    expect(fieldsOf(() => planClosing(closed, { familyId: 'f', closedOn: '2026-07-01', reason: 'x' }, today))).toEqual([
      'input.familyId',
    ]);
    expect(
      fieldsOf(() => planClosing(family(), { familyId: 'f', closedOn: '2026-02-28', reason: ' ' }, today)),
    ).toEqual(['input.closedOn', 'input.reason']);
    expect(
      fieldsOf(() => planClosing(family(), { familyId: 'f', closedOn: '2026-11-23', reason: 'x'.repeat(501) }, today)),
    ).toEqual(['input.closedOn', 'input.reason']);
    expect(planClosing(family(), { familyId: 'f', closedOn: today, reason: 'x'.repeat(500) }, today).closedOn).toBe(
      today,
    );
  });
});
