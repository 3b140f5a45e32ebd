import { progressionOf } from '@helhed/server';
import { ICS_DIMENSIONS, VUM_NOT_RELEVANT, VUM_THEMES, scalesOf } from './family-registration';
import type { FamilyRegistrationEntity } from './registration.entity';
import { SDQ_SCALES } from './sdq';

/**
 * The family department's indicators and which way is better:
 * - ICS dimensions (0-4, the municipality's local scale where 0 is no concern): lower is better;
 * - VUM themes (0 no limitation … 4 total limitation): lower is better; 9 (not relevant) is no value;
 * - SDQ: every difficulty scale lower is better, prosocial (a strength) higher is better;
 * - school attendance and grade average: higher is better.
 */
export const FAMILY_INDICATORS: ReadonlyArray<{ indicator: string; higherIsBetter: boolean }> = [
  ...ICS_DIMENSIONS.map((d) => ({ indicator: `ICS_${d}`, higherIsBetter: false })),
  ...VUM_THEMES.map((t) => ({ indicator: `VUM_${t}`, higherIsBetter: false })),
  ...SDQ_SCALES.map((s) => ({ indicator: `SDQ_${s}`, higherIsBetter: s === 'PROSOCIAL' })),
  { indicator: 'SCHOOL_ATTENDANCE_PERCENT', higherIsBetter: true },
  { indicator: 'GRADE_AVERAGE', higherIsBetter: true },
];

/** A registration's indicator values (only those the registration has). */
export function indicatorValues(r: FamilyRegistrationEntity): Map<string, number | null> {
  const out = new Map<string, number | null>();
  if (r.kind === 'CHILD') for (const d of ICS_DIMENSIONS) out.set(`ICS_${d}`, r.scores[d] ?? null);
  else for (const t of VUM_THEMES) out.set(`VUM_${t}`, r.scores[t] === VUM_NOT_RELEVANT ? null : (r.scores[t] ?? null));
  if (r.sdq) {
    const scales = scalesOf(r.sdq);
    for (const s of SDQ_SCALES) out.set(`SDQ_${s}`, scales[s]);
  }
  if (r.attendancePercent !== null) out.set('SCHOOL_ATTENDANCE_PERCENT', r.attendancePercent);
  if (r.gradeAverage !== null) out.set('GRADE_AVERAGE', r.gradeAverage);
  return out;
}

/** The indicators of one month, in catalogue order. */
export const monthIndicators = (r: FamilyRegistrationEntity) => {
  const values = indicatorValues(r);
  return FAMILY_INDICATORS.filter((i) => values.has(i.indicator)).map((i) => ({
    ...i,
    department: 'FAMILY',
    value: values.get(i.indicator) ?? null,
  }));
};

/** A person's progression per indicator over their registrations (indicators never registered are left out). */
export function familyProgression(rows: readonly FamilyRegistrationEntity[]) {
  const series = rows.map((r) => ({ month: r.month, values: indicatorValues(r) }));
  return FAMILY_INDICATORS.filter((i) => series.some((s) => s.values.has(i.indicator))).map((i) => ({
    ...progressionOf(
      i.indicator,
      i.higherIsBetter,
      series.map((s) => ({ month: s.month, value: s.values.get(i.indicator) ?? null })),
    ),
    department: 'FAMILY',
  }));
}

/** The months from one to another, inclusive (at most `max`). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to) return out;
    out.push(month);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

/** A person's series per family indicator, for the status report's movement counts. */
export function familySeries(
  rows: readonly FamilyRegistrationEntity[],
): Map<string, Array<{ month: string; value: number | null }>> {
  const out = new Map<string, Array<{ month: string; value: number | null }>>();
  for (const r of rows) {
    for (const [indicator, value] of indicatorValues(r)) {
      if (!out.has(indicator)) out.set(indicator, []);
      out.get(indicator)!.push({ month: r.month, value });
    }
  }
  return out;
}
