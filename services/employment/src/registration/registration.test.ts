import { UserInputError, UserInputErrors } from '@helhed/errors';
import {
  ageOn,
  checkMonth,
  deriveRegistration,
  fieldView,
  leisureJobApplies,
  validateCorrections,
  type OfferRecord,
} from './registration';

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

const praktik: OfferRecord = {
  kind: 'VIRKSOMHEDSPRAKTIK',
  plannedStartOn: '2026-03-02',
  plannedEndOn: '2026-05-24',
  endedOn: null,
  plannedHoursPerWeek: 15,
  weeks: [
    { isoWeek: '2026-W14', plannedHours: 15, attendedHours: 15 },
    { isoWeek: '2026-W15', plannedHours: 15, attendedHours: 0 },
    { isoWeek: '2026-W18', plannedHours: 15, attendedHours: 15 }, // Thursday 30 April: counts in April
  ],
};
const mentor: OfferRecord = { ...praktik, kind: 'MENTOR', plannedHoursPerWeek: 2.5, weeks: [] };
const facts = {
  today: '2026-11-22',
  maxGapWeeks: 4,
  leisureJobApplies: false,
  employment: [],
  educationStarts: [],
  leisureJobs: [],
};

describe('deriving the registration', () => {
  it('derives offer values for a month, the weeks counted by their Thursday', () => {
    expect(deriveRegistration({ ...facts, month: '2026-04', offers: [praktik, mentor] })).toEqual({
      inWork: null,
      hoursWorkedPerWeek: null,
      startedEducationThisMonth: null,
      inCompanyBasedOffer: true,
      keptOffer: true,
      offerHoursPerWeek: 17.5,
      attendancePercent: 66.7,
      leisureJobHeld: null,
    });
  });

  it('gives no company-based offer, no kept value and 0 hours in a month without offers', () => {
    expect(deriveRegistration({ ...facts, month: '2026-01', offers: [praktik] })).toMatchObject({
      inCompanyBasedOffer: false,
      keptOffer: null,
      offerHoursPerWeek: 0,
      attendancePercent: null,
    });
  });

  it('judges "kept" at the month end: not kept once the gap passes 4 weeks', () => {
    // After W18 nothing: W19-W21 is a gap of 3 up to the planned end → kept in May.
    expect(deriveRegistration({ ...facts, month: '2026-05', offers: [praktik] }).keptOffer).toBe(true);
    const ended = { ...praktik, weeks: praktik.weeks.slice(0, 1) };
    // Only W14 attended: W15-W18 is 4 weeks at the end of April (kept), W15-W21 is 7 in May (not).
    expect(deriveRegistration({ ...facts, month: '2026-04', offers: [ended] }).keptOffer).toBe(true);
    expect(deriveRegistration({ ...facts, month: '2026-05', offers: [ended] }).keptOffer).toBe(false);
  });

  it('counts an offer ended early only up to its end', () => {
    const early = { ...praktik, endedOn: '2026-03-31' };
    expect(deriveRegistration({ ...facts, month: '2026-04', offers: [early] }).inCompanyBasedOffer).toBe(false);
  });
});

describe('months, ages and corrections', () => {
  it('refuses a month in the future, not the current one', () => {
    expect(fieldsOf(() => checkMonth('2026-12', '2026-11-22', 'input.month'))).toEqual(['input.month']);
    expect(fieldsOf(() => checkMonth('2026-11', '2026-11-22', 'input.month'))).toEqual([]);
    expect(fieldsOf(() => checkMonth('2026-13', '2026-11-22', 'month'))).toEqual(['month']);
  });

  it('asks about a leisure job for children 13+ at the end of the month', () => {
    expect(ageOn('2013-04-30', '2026-04-29')).toBe(12);
    expect(ageOn('2013-04-30', '2026-04-30')).toBe(13);
    expect(leisureJobApplies('2013-04-30', 'CHILD', '2026-04')).toBe(true);
    expect(leisureJobApplies('2013-05-01', 'CHILD', '2026-04')).toBe(false);
    expect(leisureJobApplies('1980-01-01', 'PARENT', '2026-04')).toBe(false);
    expect(leisureJobApplies(null, null, '2026-04')).toBe(false);
  });

  it('keeps the corrections given and refuses every wrong one with its path', () => {
    expect(validateCorrections({ inWork: 'PARTLY', keptOffer: null, hoursWorkedPerWeek: 0 }, false)).toEqual({
      inWork: 'PARTLY',
      hoursWorkedPerWeek: 0,
    });
    expect(
      fieldsOf(() =>
        validateCorrections({ hoursWorkedPerWeek: 81, attendancePercent: -1, leisureJobHeld: true }, false),
      ),
    ).toEqual([
      'input.corrections.hoursWorkedPerWeek',
      'input.corrections.attendancePercent',
      'input.corrections.leisureJobHeld',
    ]);
    expect(validateCorrections({ leisureJobHeld: false }, true)).toEqual({ leisureJobHeld: false });
  });

  it('shows a field derived, confirmed and corrected side by side', () => {
    const derivedThen = deriveRegistration({ ...facts, month: '2026-04', offers: [praktik] });
    const derivedNow = { ...derivedThen, attendancePercent: 80 };
    const confirmation = { derived: derivedThen, corrections: { inWork: 'PARTLY' as const } };
    expect(fieldView('inWork', derivedNow, confirmation)).toEqual({
      derived: null,
      confirmed: 'PARTLY',
      corrected: true,
      value: 'PARTLY',
    });
    expect(fieldView('attendancePercent', derivedNow, confirmation)).toEqual({
      derived: 80,
      confirmed: 66.7,
      corrected: false,
      value: 66.7,
    });
    expect(fieldView('attendancePercent', derivedNow, null)).toEqual({
      derived: 80,
      confirmed: null,
      corrected: false,
      value: 80,
    });
  });
});

describe('deriveRegistration from work, education and leisure jobs', () => {
  const base = { ...facts, month: '2026-06', offers: [] };

  it('is null where nothing is recorded', () => {
    expect(deriveRegistration(base)).toMatchObject({
      inWork: null,
      hoursWorkedPerWeek: null,
      startedEducationThisMonth: null,
      leisureJobHeld: null,
    });
  });

  it('reads work in the month: full-time is FULLY, other paid work PARTLY with its hours, only NONE is NONE', () => {
    const partTime = { kind: 'ORDINARY_PART_TIME' as const, hoursPerWeek: 15, fromDate: '2026-06-10', toDate: null };
    const none = { kind: 'NONE' as const, hoursPerWeek: 0, fromDate: '2026-01-01', toDate: '2026-06-09' };
    expect(deriveRegistration({ ...base, employment: [none, partTime] })).toMatchObject({
      inWork: 'PARTLY',
      hoursWorkedPerWeek: 15,
    });
    expect(deriveRegistration({ ...base, month: '2026-05', employment: [none, partTime] })).toMatchObject({
      inWork: 'NONE',
      hoursWorkedPerWeek: 0,
    });
    const fullTime = { kind: 'ORDINARY_FULL_TIME' as const, hoursPerWeek: 37, fromDate: '2026-06-01', toDate: null };
    expect(deriveRegistration({ ...base, employment: [fullTime] }).inWork).toBe('FULLY');
  });

  it('says whether an education started in the month', () => {
    expect(deriveRegistration({ ...base, educationStarts: ['2026-06-15'] }).startedEducationThisMonth).toBe(true);
    expect(deriveRegistration({ ...base, educationStarts: ['2026-08-15'] }).startedEducationThisMonth).toBe(false);
  });

  it('asks about leisure jobs for children 13+ only', () => {
    const job = { startedOn: '2026-02-01', endedOn: null, heldAsOf: (day: string) => day >= '2026-05-01' };
    expect(deriveRegistration({ ...base, leisureJobs: [job] }).leisureJobHeld).toBeNull();
    expect(deriveRegistration({ ...base, leisureJobApplies: true, leisureJobs: [job] }).leisureJobHeld).toBe(true);
    expect(
      deriveRegistration({ ...base, month: '2026-03', leisureJobApplies: true, leisureJobs: [job] }).leisureJobHeld,
    ).toBe(false);
  });
});
