import { UserInputError, UserInputErrors } from '@helhed/errors';
import {
  checkNoEmploymentOverlap,
  periodOn,
  planEmploymentPeriodEnd,
  validateEmploymentPeriod,
} from './employment-period';

const personId = '0b6f1f5e-8a4c-4f0e-9a51-2f3c1d7e9b10';
const companyId = '1b6f1f5e-8a4c-4f0e-9a51-2f3c1d7e9b11';
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

describe('employment period rules', () => {
  const base = { personId, kind: 'ORDINARY_PART_TIME' as const, hoursPerWeek: 15, employerCompanyId: companyId };

  it('accepts 0 and 60 hours, and NONE without an employer', () => {
    expect(validateEmploymentPeriod({ ...base, hoursPerWeek: 60, from: '2026-01-01' }).hoursPerWeek).toBe(60);
    expect(
      validateEmploymentPeriod({ personId, kind: 'NONE', hoursPerWeek: 0, from: '2026-01-01' }).companyId,
    ).toBeNull();
  });

  it('refuses hours outside 0-60, NONE with hours, work without an employer, an end before the start', () => {
    expect(fieldsOf(() => validateEmploymentPeriod({ ...base, hoursPerWeek: 60.5, from: '2026-01-01' }))).toEqual([
      'input.hoursPerWeek',
    ]);
    expect(fieldsOf(() => validateEmploymentPeriod({ ...base, hoursPerWeek: -1, from: '2026-01-01' }))).toEqual([
      'input.hoursPerWeek',
    ]);
    expect(
      fieldsOf(() => validateEmploymentPeriod({ personId, kind: 'NONE', hoursPerWeek: 5, from: '2026-01-01' })),
    ).toEqual(['input.hoursPerWeek']);
    expect(
      fieldsOf(() =>
        validateEmploymentPeriod({ ...base, employerCompanyId: null, from: '2026-02-01', to: '2026-01-31' }),
      ),
    ).toEqual(['input.employerCompanyId', 'input.to']);
  });

  it('refuses overlaps (inclusive dates, open end ongoing) and finds the period on a day', () => {
    const existing = [{ id: 'a', kind: 'NONE' as const, fromDate: '2026-01-01', toDate: '2026-03-31' }];
    const next = validateEmploymentPeriod({ ...base, from: '2026-03-31' });
    expect(fieldsOf(() => checkNoEmploymentOverlap(next, existing))).toEqual(['input.from']);
    expect(() =>
      checkNoEmploymentOverlap(validateEmploymentPeriod({ ...base, from: '2026-04-01' }), existing),
    ).not.toThrow();
    expect(periodOn(existing, '2026-03-31')).toBe(existing[0]);
    expect(periodOn(existing, '2026-04-01')).toBeNull();
  });

  it('ends an ongoing period once, not before it began', () => {
    const open = { id: 'a', kind: 'NONE' as const, fromDate: '2026-01-01', toDate: null };
    expect(planEmploymentPeriodEnd(open, { employmentPeriodId: 'a', to: '2026-01-01' })).toEqual({
      toDate: '2026-01-01',
    });
    expect(fieldsOf(() => planEmploymentPeriodEnd(open, { employmentPeriodId: 'a', to: '2025-12-31' }))).toEqual([
      'input.to',
    ]);
    expect(
      fieldsOf(() =>
        planEmploymentPeriodEnd({ ...open, toDate: '2026-02-01' }, { employmentPeriodId: 'a', to: '2026-03-01' }),
      ),
    ).toEqual(['input.employmentPeriodId']);
  });
});
