import { isRealDate, todayInDenmark } from './dates';

describe('todayInDenmark', () => {
  it('follows Danish local time, not UTC', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Copenhagen (UTC+1 in winter).
    expect(todayInDenmark(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    // 22:30 UTC on a summer day is 00:30 the next day in Copenhagen (UTC+2).
    expect(todayInDenmark(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(todayInDenmark(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30');
  });
});

describe('isRealDate', () => {
  it('accepts real dates only', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2025-02-29')).toBe(false);
    expect(isRealDate('2025-1-01')).toBe(false);
    expect(isRealDate('2025-01-01T00:00:00Z')).toBe(false);
  });
});
