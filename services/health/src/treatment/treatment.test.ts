import { UserInputError } from '@helhed/errors';
import type { DirectoryActivity } from '@helhed/family-directory';
import { attendancePercent, validateTreatmentDetails, validateTreatmentSessions } from './treatment';

const ACTIVITY = '0b6f6c4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const MEMBER = '6f1c1d4e-2f8a-4c4b-9a51-3b0c6d9e7a10';
const activity = (department: DirectoryActivity['department']): DirectoryActivity => ({
  id: ACTIVITY,
  familyId: '1a2b3c4d-0000-4000-8000-000000000001',
  department,
  sectorPlanKind: 'BEHANDLINGSPLAN',
  status: 'ACTIVE',
  memberIds: [MEMBER],
  startsOn: '2026-03-02',
  endsOn: null,
  hoursPerWeek: 2,
});
const input = {
  planActivityId: ACTIVITY,
  personId: MEMBER,
  provider: ' Psykolog ',
  frequency: 'Weekly',
  sessionsPlanned: 10,
};
const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserInputError) return error.field;
    throw error;
  }
  return null;
};

it('accepts details of a HEALTH activity for one of its members', () => {
  expect(validateTreatmentDetails(input, activity('HEALTH')).provider).toBe('Psykolog');
});

it('refuses another department, an unknown activity and a non-member', () => {
  expect(fieldOf(() => validateTreatmentDetails(input, activity('JOBCENTER')))).toBe('input.planActivityId');
  expect(fieldOf(() => validateTreatmentDetails(input, undefined))).toBe('input.planActivityId');
  const other = { ...input, personId: '6f1c1d4e-2f8a-4c4b-9a51-3b0c6d9e7a11' };
  expect(fieldOf(() => validateTreatmentDetails(other, activity('HEALTH')))).toBe('input.personId');
});

it('refuses a negative or fractional session count', () => {
  expect(fieldOf(() => validateTreatmentSessions({ planActivityId: ACTIVITY, sessionsAttended: -1 }))).toBe(
    'input.sessionsAttended',
  );
  expect(
    fieldOf(() => validateTreatmentSessions({ planActivityId: ACTIVITY, sessionsAttended: 1, sessionsPlanned: 1.5 })),
  ).toBe('input.sessionsPlanned');
});

it('computes attendance as a whole percentage, null when nothing is planned', () => {
  expect(attendancePercent(8, 7)).toBe(88);
  expect(attendancePercent(0, 0)).toBeNull();
});
