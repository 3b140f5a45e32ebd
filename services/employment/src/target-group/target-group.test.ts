import { UserInputError, UserInputErrors } from '@helhed/errors';
import { assignmentOn, planTargetGroupAssignment, validateTargetGroupAssignment } from './target-group';

const personId = '0b6f1f5e-8a4c-4f0e-9a51-2f3c1d7e9b10';
const valid = (from: string, to: string | null = null) =>
  validateTargetGroupAssignment({ personId, targetGroup: 'JOBPARAT', from, to });

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

describe('target-group rules', () => {
  const open = { id: 'a', targetGroup: 'AKTIVITETSPARAT' as const, fromDate: '2026-01-01', toDate: null };
  const ended = { id: 'b', targetGroup: 'UDDANNELSESPARAT' as const, fromDate: '2025-01-01', toDate: '2025-06-30' };

  it('closes the open assignment the day before the new one starts', () => {
    expect(planTargetGroupAssignment(valid('2026-03-01'), [ended, open])).toEqual({
      closePrevious: { id: 'a', toDate: '2026-02-28' },
    });
  });

  it('accepts a first assignment, and one in a gap between ended ones', () => {
    expect(planTargetGroupAssignment(valid('2026-01-01'), [])).toEqual({ closePrevious: null });
    expect(planTargetGroupAssignment(valid('2025-07-01', '2025-12-31'), [ended])).toEqual({ closePrevious: null });
  });

  it('refuses a start not after the open one, and an overlap with an ended one', () => {
    expect(fieldsOf(() => planTargetGroupAssignment(valid('2026-01-01'), [open]))).toEqual(['input.from']);
    expect(fieldsOf(() => planTargetGroupAssignment(valid('2025-06-30', '2025-07-31'), [ended]))).toEqual([
      'input.from',
    ]);
  });

  it('checks the input shape', () => {
    expect(
      fieldsOf(() =>
        validateTargetGroupAssignment({ personId: 'x', targetGroup: 'JOBPARAT', from: '2026-02-30', to: 'no' }),
      ),
    ).toEqual(['input.personId', 'input.from', 'input.to']);
  });

  it('finds the assignment in force on a day (inclusive ends)', () => {
    expect(assignmentOn([ended, open], '2025-06-30')).toBe(ended);
    expect(assignmentOn([ended, open], '2025-07-01')).toBeNull();
    expect(assignmentOn([ended, open], '2030-01-01')).toBe(open);
  });
});
