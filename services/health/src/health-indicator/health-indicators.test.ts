import { UserInputError, UserInputErrors } from '@helhed/errors';
import { monthWithin, scoreWho5, validateHealthIndicators, type HealthIndicatorsInput } from './health-indicators';

const PERSON = '6f1c1d4e-2f8a-4c4b-9a51-3b0c6d9e7a10';
const input = (over: Partial<HealthIndicatorsInput> = {}): HealthIndicatorsInput => ({
  personId: PERSON,
  month: '2026-10',
  who5Items: [3, 3, 3, 3, 3],
  selfRatedHealth: 3,
  inTreatment: true,
  attendingAsPlanned: true,
  ...over,
});

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserInputErrors) return error.problems.map((p) => p.field);
    if (error instanceof UserInputError) return [error.field];
    throw error;
  }
  return [];
};

describe('scoreWho5', () => {
  it.each([
    [[3, 3, 2, 2, 2], 12, 48, true, false],
    [[3, 3, 3, 2, 2], 13, 52, false, false],
    [[2, 1, 1, 1, 1], 6, 24, true, true],
    [[2, 2, 1, 1, 1], 7, 28, true, false],
    [[0, 0, 0, 0, 0], 0, 0, true, true],
    [[5, 5, 5, 5, 5], 25, 100, false, false],
  ])('%j → raw %i, index %i, below 50 %s, below 28 %s', (items, raw, index, belowFifty, belowTwentyEight) => {
    expect(scoreWho5(items)).toEqual({ raw, index, belowFifty, belowTwentyEight });
  });
});

describe('validateHealthIndicators', () => {
  const today = '2026-11-22';

  it('accepts a full registration of this month and earlier ones', () => {
    expect(validateHealthIndicators(input({ month: '2026-11' }), today).month).toBe('2026-11');
    expect(validateHealthIndicators(input({ personId: PERSON.toUpperCase() }), today).personId).toBe(PERSON);
  });

  it('refuses an item outside 0–5 at its index', () => {
    expect(fieldsOf(() => validateHealthIndicators(input({ who5Items: [3, 6, 3, -1, 3] }), today))).toEqual([
      'input.who5Items[1]',
      'input.who5Items[3]',
    ]);
  });

  it('refuses other than five items', () => {
    expect(fieldsOf(() => validateHealthIndicators(input({ who5Items: [3, 3, 3, 3] }), today))).toEqual([
      'input.who5Items',
    ]);
  });

  it('refuses a future month and self-rated health outside 1–5', () => {
    expect(fieldsOf(() => validateHealthIndicators(input({ month: '2026-12', selfRatedHealth: 0 }), today))).toEqual([
      'input.month',
      'input.selfRatedHealth',
    ]);
  });
});

it('monthWithin takes open ends and inclusive bounds', () => {
  expect(monthWithin('2026-05', '2026-05', '2026-05')).toBe(true);
  expect(monthWithin('2026-04', '2026-05', null)).toBe(false);
  expect(monthWithin('2026-06', undefined, '2026-05')).toBe(false);
  expect(monthWithin('2026-06')).toBe(true);
});
