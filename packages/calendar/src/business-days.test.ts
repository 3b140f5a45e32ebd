import {
  addBusinessDays,
  businessDaysBetween,
  danishHolidays,
  easterSunday,
  isBusinessDay,
  nthBusinessDayOfMonth,
} from './index';

describe('Danish business days', () => {
  it('computes Easter Sunday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('lists the holidays of 2026, without Store bededag after its abolition', () => {
    const days = danishHolidays(2026);
    expect([...days.keys()]).toEqual([
      '2026-01-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-14',
      '2026-05-24',
      '2026-05-25',
      '2026-06-05',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-31',
    ]);
    expect(danishHolidays(2023).get('2023-05-05')).toBe('Store bededag');
    expect(danishHolidays(2026, { closingDays: false }).has('2026-06-05')).toBe(false);
  });

  it('knows weekends and holidays are not business days', () => {
    expect(isBusinessDay('2026-04-02')).toBe(false); // Skærtorsdag
    expect(isBusinessDay('2026-04-07')).toBe(true);
    expect(isBusinessDay('2026-11-21')).toBe(false); // Saturday
    expect(isBusinessDay('2026-06-05')).toBe(false);
    expect(isBusinessDay('2026-06-05', { closingDays: false })).toBe(true);
  });

  it('finds the 5th business day of a month with Easter in it', () => {
    // April 2026: 1 Wed, 2-3 Maundy Thursday/Good Friday, 6 Easter Monday.
    expect(nthBusinessDayOfMonth('2026-04', 1)).toBe('2026-04-01');
    expect(nthBusinessDayOfMonth('2026-04', 5)).toBe('2026-04-10');
    expect(nthBusinessDayOfMonth('2026-01', 5)).toBe('2026-01-08');
    expect(() => nthBusinessDayOfMonth('2026-13', 5)).toThrow(RangeError);
  });

  it('adds and counts business days across holidays in both directions', () => {
    expect(addBusinessDays('2026-04-01', 1)).toBe('2026-04-07');
    expect(addBusinessDays('2026-04-07', -1)).toBe('2026-04-01');
    expect(addBusinessDays('2026-04-10', -3)).toBe('2026-04-07');
    expect(addBusinessDays('2026-04-04', 0)).toBe('2026-04-07');
    expect(businessDaysBetween('2026-04-01', '2026-04-07')).toBe(1);
    expect(businessDaysBetween('2026-04-07', '2026-04-01')).toBe(-1);
    expect(businessDaysBetween('2026-04-10', '2026-04-24')).toBe(10);
    expect(businessDaysBetween('2026-04-24', '2026-04-10')).toBe(-10);
    expect(businessDaysBetween('2026-04-10', '2026-04-10')).toBe(0);
  });
});
