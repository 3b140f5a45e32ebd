import { windowStart } from './reconcile';

describe('windowStart: the first day whose unsent digests reconciliation still sends', () => {
  it('is the N-th business day counting back from today, today included when it is one', () => {
    // Tuesday 14 April 2026: today, Mon 13, Fri 10, Thu 9 and Wed 8.
    expect(windowStart('2026-04-14', 5)).toBe('2026-04-08');
    // Monday 13 April: Easter (2-6 April) is skipped; the 5th business day is Tuesday 7 April.
    expect(windowStart('2026-04-13', 5)).toBe('2026-04-07');
    // On a Saturday the window is the 5 business days before it.
    expect(windowStart('2026-04-18', 5)).toBe('2026-04-13');
    // One business day: today, or on a Sunday the Friday before.
    expect(windowStart('2026-04-14', 1)).toBe('2026-04-14');
    expect(windowStart('2026-04-12', 1)).toBe('2026-04-10');
  });
});
