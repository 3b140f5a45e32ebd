/**
 * Progression of a monthly indicator (first registration against the latest),
 * shared by the subgraphs that contribute indicators to the monthly
 * registration, so that "improving" means the same in every department.
 */

export type IndicatorDirection = 'IMPROVING' | 'UNCHANGED' | 'WORSENING';

/** One month's value of an indicator; null when not registered or not relevant (e.g. VUM 9). */
export interface IndicatorPoint {
  month: string;
  value: number | null;
}

export interface IndicatorProgression {
  indicator: string;
  higherIsBetter: boolean;
  baselineMonth: string | null;
  baseline: number | null;
  latestMonth: string | null;
  latest: number | null;
  change: number | null;
  direction: IndicatorDirection | null;
}

/**
 * Baseline (the first month with a value), latest (the last month with a value),
 * the change between them and its direction; direction null with fewer than two values.
 */
export function progressionOf(indicator: string, higherIsBetter: boolean, points: readonly IndicatorPoint[]) {
  const valued = [...points].filter((p) => p.value !== null).sort((a, b) => (a.month < b.month ? -1 : 1));
  const first = valued[0] ?? null;
  const last = valued.at(-1) ?? null;
  const change = first && last && valued.length > 1 ? Math.round((last.value! - first.value!) * 100) / 100 : null;
  const direction: IndicatorDirection | null =
    change === null ? null : change === 0 ? 'UNCHANGED' : change > 0 === higherIsBetter ? 'IMPROVING' : 'WORSENING';
  return {
    indicator,
    higherIsBetter,
    baselineMonth: first?.month ?? null,
    baseline: first?.value ?? null,
    latestMonth: last?.month ?? null,
    latest: last?.value ?? null,
    change,
    direction,
  } satisfies IndicatorProgression;
}
