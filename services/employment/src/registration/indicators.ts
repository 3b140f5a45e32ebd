import { progressionOf } from '@helhed/server';
import type { Corrections, RegistrationField, RegistrationValues } from './registration';

/**
 * The jobcenter's indicators of the monthly registration, from confirmed months
 * only (a correction counts over the derived value), and which way is better.
 * Flags count 1 (yes) or 0 (no); in work counts NONE 0, PARTLY 1, FULLY 2.
 */
export const JOBCENTER_INDICATORS: ReadonlyArray<{
  indicator: string;
  field: RegistrationField;
  higherIsBetter: boolean;
}> = [
  { indicator: 'IN_WORK', field: 'inWork', higherIsBetter: true },
  { indicator: 'HOURS_WORKED_PER_WEEK', field: 'hoursWorkedPerWeek', higherIsBetter: true },
  { indicator: 'IN_COMPANY_BASED_OFFER', field: 'inCompanyBasedOffer', higherIsBetter: true },
  { indicator: 'KEPT_OFFER', field: 'keptOffer', higherIsBetter: true },
  { indicator: 'OFFER_ATTENDANCE_PERCENT', field: 'attendancePercent', higherIsBetter: true },
  { indicator: 'LEISURE_JOB_HELD', field: 'leisureJobHeld', higherIsBetter: true },
];

const IN_WORK = { NONE: 0, PARTLY: 1, FULLY: 2 } as const;

interface Confirmed {
  month: string;
  derived: RegistrationValues;
  corrections: Corrections;
}

function valueOf(c: Confirmed, field: RegistrationField): number | null {
  const v = c.corrections[field] !== undefined ? c.corrections[field] : c.derived[field];
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return IN_WORK[v as keyof typeof IN_WORK] ?? null;
  return v;
}

/** A confirmed month's indicator values (every indicator; null where the month has no value). */
export const monthIndicators = (c: Confirmed) =>
  JOBCENTER_INDICATORS.map(({ indicator, field, higherIsBetter }) => ({
    indicator,
    higherIsBetter,
    department: 'JOBCENTER',
    value: valueOf(c, field),
  }));

/** A person's progression per indicator over the confirmed months (indicators never valued are left out). */
export const jobcenterProgression = (months: readonly Confirmed[]) =>
  JOBCENTER_INDICATORS.map(({ indicator, field, higherIsBetter }) => ({
    ...progressionOf(
      indicator,
      higherIsBetter,
      months.map((c) => ({ month: c.month, value: valueOf(c, field) })),
    ),
    department: 'JOBCENTER',
  })).filter((p) => p.baseline !== null);
