import { ageOn, isRealDate, todayInDenmark } from './index';

describe('calendar', () => {
  it('gives the Danish date, not the UTC one, around midnight', () => {
    expect(todayInDenmark(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(todayInDenmark(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });

  it('knows real dates', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-2-1')).toBe(false);
  });

  it('counts whole years, the birthday included', () => {
    expect(ageOn('2013-05-01', '2026-04-30')).toBe(12);
    expect(ageOn('2013-05-01', '2026-05-01')).toBe(13);
  });
});
