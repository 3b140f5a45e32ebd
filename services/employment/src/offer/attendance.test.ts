import { attendancePercent, isKept, monthlyTotals, totals, type AttendanceWeek } from './attendance';
import { isIsoWeek, mondayOf, monthOfWeek, weekOf, weeksBetween, weeksInYear, weeksOfMonth } from './iso-week';

describe('ISO weeks', () => {
  it('knows week 1 by its Thursday and which years have 53 weeks', () => {
    expect(mondayOf('2026-W01')).toBe('2025-12-29');
    expect(weekOf('2025-12-29')).toBe('2026-W01');
    expect(weekOf('2027-01-01')).toBe('2026-W53');
    expect(weekOf('2026-02-01')).toBe('2026-W05');
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2025)).toBe(52);
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2025-W53')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-5')).toBe(false);
  });

  it('counts a week in the month of its Thursday', () => {
    expect(monthOfWeek('2026-W05')).toBe('2026-01'); // Mon 26 Jan – Sun 1 Feb, Thursday 29 Jan
    expect(monthOfWeek('2026-W14')).toBe('2026-04'); // Mon 30 Mar – Sun 5 Apr, Thursday 2 Apr
    expect(weeksOfMonth('2026-03')).toEqual(['2026-W10', '2026-W11', '2026-W12', '2026-W13']);
    expect(weeksOfMonth('2026-01')).toEqual(['2026-W01', '2026-W02', '2026-W03', '2026-W04', '2026-W05']);
    expect(weeksBetween('2026-W52', '2027-W01')).toEqual(['2026-W52', '2026-W53', '2027-W01']);
  });
});

const week = (n: number, attendedHours: number, plannedHours = 15): AttendanceWeek => ({
  isoWeek: `2026-W${String(n).padStart(2, '0')}`,
  plannedHours,
  attendedHours,
});

describe('attendance %', () => {
  it('is attended / planned, null when nothing was planned', () => {
    expect(attendancePercent(15, 12)).toBe(80);
    expect(attendancePercent(15, 10)).toBe(66.7);
    expect(attendancePercent(0, 0)).toBeNull();
    expect(attendancePercent(0, 3)).toBeNull();
  });

  it('counts only the recorded weeks (partial data) and sums hours, not percentages', () => {
    // Weeks 3 and 4 are not recorded; week 6 is a pause with nothing planned.
    const weeks = [week(2, 15), week(5, 5, 10), week(6, 0, 0), week(7, 20)];
    expect(totals(weeks)).toEqual({ plannedHours: 40, attendedHours: 40, attendancePercent: 100, weeksRecorded: 4 });
    expect(totals([week(6, 0, 0)]).attendancePercent).toBeNull();
    expect(totals([]).attendancePercent).toBeNull();
  });

  it('groups weeks by the month of their Thursday', () => {
    const weeks = [week(4, 15), week(5, 7.5), week(6, 10), week(14, 15)];
    expect(monthlyTotals(weeks)).toEqual([
      { month: '2026-01', plannedHours: 30, attendedHours: 22.5, attendancePercent: 75, weeksRecorded: 2 },
      { month: '2026-02', plannedHours: 15, attendedHours: 10, attendancePercent: 66.7, weeksRecorded: 1 },
      { month: '2026-04', plannedHours: 15, attendedHours: 15, attendancePercent: 100, weeksRecorded: 1 },
    ]);
  });
});

describe('kept', () => {
  // Planned W02 (Mon 5 Jan) to W13 (Sun 29 Mar): twelve weeks.
  const offer = { plannedStartOn: '2026-01-05', plannedEndOn: '2026-03-29', asOf: '2026-06-01', maxGapWeeks: 4 };
  const attendedExcept = (missing: number[]) =>
    Array.from({ length: 12 }, (_, i) => i + 2)
      .filter((n) => !missing.includes(n))
      .map((n) => week(n, 10));

  it('is kept with attendance every week', () => {
    expect(isKept({ ...offer, weeks: attendedExcept([]) })).toBe(true);
  });

  it('allows a gap of exactly 4 weeks, not 5', () => {
    expect(isKept({ ...offer, weeks: attendedExcept([5, 6, 7, 8]) })).toBe(true);
    expect(isKept({ ...offer, weeks: attendedExcept([5, 6, 7, 8, 9]) })).toBe(false);
  });

  it('counts a gap at the start and one running up to the planned end', () => {
    expect(isKept({ ...offer, weeks: attendedExcept([2, 3, 4, 5]) })).toBe(true);
    expect(isKept({ ...offer, weeks: attendedExcept([2, 3, 4, 5, 6]) })).toBe(false);
    expect(isKept({ ...offer, weeks: attendedExcept([10, 11, 12, 13]) })).toBe(true);
    expect(isKept({ ...offer, weeks: attendedExcept([9, 10, 11, 12, 13]) })).toBe(false);
  });

  it('treats a recorded week with nothing attended as a week without attendance', () => {
    const weeks = attendedExcept([]).map((w, i) => (i >= 3 && i <= 7 ? { ...w, attendedHours: 0 } : w));
    expect(isKept({ ...offer, weeks })).toBe(false);
  });

  it('lets a pause (0 planned, 0 attended) neither lengthen nor end a gap', () => {
    const paused = [...attendedExcept([5, 6, 7, 8, 9]), week(7, 0, 0)];
    expect(isKept({ ...offer, weeks: paused })).toBe(true);
    const pauseInLongGap = [...attendedExcept([5, 6, 7, 8, 9, 10]), week(7, 0, 0)];
    expect(isKept({ ...offer, weeks: pauseInLongGap })).toBe(false);
  });

  it('is not kept when the offer stopped early (no attendance after it ended)', () => {
    expect(isKept({ ...offer, weeks: attendedExcept([8, 9, 10, 11, 12, 13]) })).toBe(false);
  });

  it('judges a running offer up to the last whole week only', () => {
    const weeks = [week(2, 10)];
    // Wednesday of W07: W03-W06 are four weeks without attendance, W07 is under way.
    expect(isKept({ ...offer, asOf: '2026-02-11', weeks })).toBe(true);
    // Sunday of W07: W07 is over, five weeks.
    expect(isKept({ ...offer, asOf: '2026-02-15', weeks })).toBe(false);
  });

  it('is null before the start and follows the configured gap', () => {
    expect(isKept({ ...offer, asOf: '2026-01-04', weeks: [] })).toBeNull();
    expect(isKept({ ...offer, asOf: '2026-01-07', weeks: [] })).toBe(true);
    expect(isKept({ ...offer, maxGapWeeks: 2, weeks: attendedExcept([5, 6, 7]) })).toBe(false);
    expect(isKept({ ...offer, maxGapWeeks: 2, weeks: attendedExcept([5, 6]) })).toBe(true);
  });
});
