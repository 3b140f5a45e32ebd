import { ageOn } from '@helhed/calendar';
import { InputProblems } from '@helhed/errors';
import { isKept, totals, type AttendanceWeek } from '../offer/attendance';
import { monthOfWeek } from '../offer/iso-week';
import { COMPANY_BASED_KINDS, type OfferKind } from '../offer/offer-participation.entity';

/**
 * The jobcenter's part of the monthly registration, in plain TypeScript: the
 * values derived from the records, the caseworker's corrections beside them.
 */

export type InWork = 'NONE' | 'PARTLY' | 'FULLY';

/** The registration's fields; null means "nothing recorded to derive it from" (or, for leisure jobs, not applicable). */
export interface RegistrationValues {
  inWork: InWork | null;
  hoursWorkedPerWeek: number | null;
  startedEducationThisMonth: boolean | null;
  inCompanyBasedOffer: boolean | null;
  keptOffer: boolean | null;
  offerHoursPerWeek: number | null;
  attendancePercent: number | null;
  leisureJobHeld: boolean | null;
}
export type RegistrationField = keyof RegistrationValues;
export const REGISTRATION_FIELDS: RegistrationField[] = [
  'inWork',
  'hoursWorkedPerWeek',
  'startedEducationThisMonth',
  'inCompanyBasedOffer',
  'keptOffer',
  'offerHoursPerWeek',
  'attendancePercent',
  'leisureJobHeld',
];

/** The age from which a child's leisure job (*fritidsjob*) is registered. */
export const LEISURE_JOB_AGE = 13;

/** A month is written YYYY-MM. */
export const isMonth = (month: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
export const firstDayOf = (month: string) => `${month}-01`;
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Refuses a month that is not a month, or lies after the current one (Danish date `today`). */
export function checkMonth(month: string, today: string, field: string): void {
  const problems = new InputProblems();
  if (!isMonth(month)) problems.add(field, 'A month is written YYYY-MM');
  else if (month > today.slice(0, 7)) problems.add(field, 'The month is in the future');
  problems.throwIfAny();
}

export { ageOn };

/** Whether the leisure-job question applies: a child who is 13 or older at the end of the month. */
export const leisureJobApplies = (birthDate: string | null, role: string | null, month: string) =>
  birthDate !== null && role === 'CHILD' && ageOn(birthDate, lastDayOf(month)) >= LEISURE_JOB_AGE;

export interface OfferRecord {
  kind: OfferKind;
  plannedStartOn: string;
  plannedEndOn: string;
  endedOn: string | null;
  plannedHoursPerWeek: number;
  weeks: readonly AttendanceWeek[];
}

export interface EmploymentRecord {
  kind: 'NONE' | 'ORDINARY_PART_TIME' | 'ORDINARY_FULL_TIME' | 'FLEX_JOB' | 'SUBSIDISED';
  hoursPerWeek: number;
  fromDate: string;
  toDate: string | null;
}

export interface DerivationFacts {
  month: string;
  today: string;
  maxGapWeeks: number;
  offers: readonly OfferRecord[];
  leisureJobApplies: boolean;
  employment: readonly EmploymentRecord[];
  educationStarts: readonly string[];
  /** The child's leisure jobs, with whether each was held as of the month's end (or today). */
  leisureJobs: ReadonlyArray<{ startedOn: string; endedOn: string | null; heldAsOf: (day: string) => boolean }>;
}

/**
 * The values derived from the jobcenter's records for a month. From offers and
 * attendance: in a company-based offer (one running during the month), kept it
 * (every such offer kept up to the month's end, or today), hours per week in
 * offers (planned hours of the offers running in the month; 0 when none),
 * attendance % (the weeks counted in the month, by their Thursday). From
 * employment periods running in the month: in work FULLY (ordinary full-time),
 * PARTLY (any other paid work) or NONE, and the hours per week; from education
 * enrolments: whether one started in the month; for children 13+, whether a
 * leisure job running in the month is held (still there three months after it
 * began). A value with no records at all to derive it from is null.
 */
export function deriveRegistration(f: DerivationFacts): RegistrationValues {
  const first = firstDayOf(f.month);
  const last = lastDayOf(f.month);
  const asOf = f.today < last ? f.today : last;
  const running = f.offers.filter((o) => o.plannedStartOn <= last && (o.endedOn ?? o.plannedEndOn) >= first);
  const companyBased = running.filter((o) => COMPANY_BASED_KINDS.includes(o.kind));
  const kept = companyBased
    .map((o) => isKept({ ...o, asOf, maxGapWeeks: f.maxGapWeeks }))
    .filter((k): k is boolean => k !== null);
  const weeksOfMonth = f.offers.flatMap((o) => o.weeks).filter((w) => monthOfWeek(w.isoWeek) === f.month);
  const working = f.employment.filter((e) => e.fromDate <= last && (e.toDate ?? last) >= first && e.kind !== 'NONE');
  const inWork: InWork | null =
    f.employment.length === 0
      ? null
      : working.some((e) => e.kind === 'ORDINARY_FULL_TIME')
        ? 'FULLY'
        : working.length > 0
          ? 'PARTLY'
          : 'NONE';
  const jobsInMonth = f.leisureJobs.filter((j) => j.startedOn <= last && (j.endedOn ?? last) >= first);
  return {
    inWork,
    hoursWorkedPerWeek:
      f.employment.length === 0 ? null : Math.round(working.reduce((sum, e) => sum + e.hoursPerWeek, 0) * 10) / 10,
    startedEducationThisMonth:
      f.educationStarts.length === 0 ? null : f.educationStarts.some((d) => d >= first && d <= last),
    inCompanyBasedOffer: companyBased.length > 0,
    keptOffer: kept.length === 0 ? null : kept.every(Boolean),
    offerHoursPerWeek: Math.round(running.reduce((s, o) => s + o.plannedHoursPerWeek, 0) * 10) / 10,
    attendancePercent: totals(weeksOfMonth).attendancePercent,
    leisureJobHeld:
      !f.leisureJobApplies || f.leisureJobs.length === 0 ? null : jobsInMonth.some((j) => j.heldAsOf(asOf)),
  };
}

/** Corrections the caseworker gives; a field left out (or null) is confirmed as derived. */
export type Corrections = Partial<RegistrationValues>;

const IN_WORK: InWork[] = ['NONE', 'PARTLY', 'FULLY'];
const RANGES: Partial<Record<RegistrationField, [number, number]>> = {
  hoursWorkedPerWeek: [0, 80],
  offerHoursPerWeek: [0, 80],
  attendancePercent: [0, 500],
};

/** Checks the corrections (ranges; the leisure job only for children 13+) and keeps only those given. */
export function validateCorrections(corrections: Corrections | null | undefined, leisureApplies: boolean): Corrections {
  const problems = new InputProblems();
  const kept: Corrections = {};
  for (const field of REGISTRATION_FIELDS) {
    const value = corrections?.[field];
    if (value === undefined || value === null) continue;
    const path = `input.corrections.${field}`;
    const range = RANGES[field];
    if (range && (typeof value !== 'number' || !Number.isFinite(value) || value < range[0] || value > range[1])) {
      problems.add(path, `${field} is between ${range[0]} and ${range[1]}`);
    } else if (field === 'inWork' && !IN_WORK.includes(value as InWork)) {
      problems.add(path, 'inWork is NONE, PARTLY or FULLY');
    } else if (field === 'leisureJobHeld' && !leisureApplies) {
      problems.add(path, 'A leisure job is registered for children aged 13 or more only');
    } else {
      (kept as Record<string, unknown>)[field] = value;
    }
  }
  problems.throwIfAny();
  return kept;
}

/** One field as shown: derived now, as confirmed (the correction, or the derived value at confirmation), corrected or not. */
export function fieldView(
  field: RegistrationField,
  derived: RegistrationValues,
  confirmation: { derived: RegistrationValues; corrections: Corrections } | null,
) {
  const corrected = confirmation !== null && confirmation.corrections[field] !== undefined;
  const confirmed =
    confirmation === null ? null : corrected ? confirmation.corrections[field]! : confirmation.derived[field];
  return {
    derived: derived[field],
    confirmed,
    corrected,
    value: confirmation === null ? derived[field] : confirmed,
  };
}
