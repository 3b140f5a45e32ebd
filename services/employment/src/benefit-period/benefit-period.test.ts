import { UserInputError, UserInputErrors } from '@helhed/errors';
import { validateBenefitPeriod, type BenefitPeriodInput } from './benefit-period';

const personId = '0b6f1f5e-8a4c-4f0e-9a51-2f3c1d7e9b10';
const period = (over: Partial<BenefitPeriodInput> = {}): BenefitPeriodInput => ({
  personId,
  type: 'KONTANTHJAELP',
  from: '2026-01-01',
  ...over,
});

const problemsOf = (fn: () => unknown): Array<{ field: string; message: string }> => {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserInputErrors) return e.problems.map((p) => ({ field: p.field, message: p.message }));
    if (e instanceof UserInputError) return [{ field: e.field, message: e.message }];
    throw e;
  }
  return [];
};

describe('validateBenefitPeriod', () => {
  it('accepts an ongoing period', () => {
    expect(validateBenefitPeriod(period())).toEqual({
      personId,
      type: 'KONTANTHJAELP',
      fromDate: '2026-01-01',
      toDate: null,
    });
  });

  it('accepts a one-day period and normalises the person id', () => {
    const valid = validateBenefitPeriod(period({ personId: ` ${personId.toUpperCase()} `, to: '2026-01-01' }));
    expect(valid.personId).toBe(personId);
    expect(valid.toDate).toBe('2026-01-01');
  });

  it('refuses an end date before the start date', () => {
    expect(problemsOf(() => validateBenefitPeriod(period({ from: '2026-03-01', to: '2026-02-28' })))).toEqual([
      { field: 'input.to', message: 'The end date is before the start date' },
    ]);
  });

  it('reports every problem with its field path', () => {
    const problems = problemsOf(() =>
      validateBenefitPeriod(period({ personId: 'p-1', from: '2026-02-30', to: '2026-13-01' })),
    );
    expect(problems.map((p) => p.field)).toEqual(['input.personId', 'input.from', 'input.to']);
  });
});
