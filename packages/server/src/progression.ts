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

/** How many persons moved the better way, stayed, or moved the worse way on one indicator. */
export interface IndicatorMovementCounts {
  indicator: string;
  department: string;
  higherIsBetter: boolean;
  improving: number;
  unchanged: number;
  worsening: number;
}

/**
 * Movement per indicator from each person's first registration up to `month`
 * (persons with fewer than two values on an indicator are not counted for it);
 * indicators nobody moved on are left out. The one definition the status
 * report's and the national view's sections of every department use.
 */
export function indicatorMovement(
  department: string,
  catalogue: ReadonlyArray<{ indicator: string; higherIsBetter: boolean }>,
  seriesByPerson: ReadonlyArray<ReadonlyMap<string, readonly IndicatorPoint[]>>,
  month: string,
): IndicatorMovementCounts[] {
  return catalogue
    .map(({ indicator, higherIsBetter }) => {
      const counts: Record<IndicatorDirection, number> = { IMPROVING: 0, UNCHANGED: 0, WORSENING: 0 };
      for (const series of seriesByPerson) {
        const points = (series.get(indicator) ?? []).filter((p) => p.month <= month);
        const { direction } = progressionOf(indicator, higherIsBetter, points);
        if (direction) counts[direction] += 1;
      }
      return {
        indicator,
        department,
        higherIsBetter,
        improving: counts.IMPROVING,
        unchanged: counts.UNCHANGED,
        worsening: counts.WORSENING,
      };
    })
    .filter((m) => m.improving + m.unchanged + m.worsening > 0);
}

/** Per indicator, the points of one person's months (`valueOf` null = not registered that month). */
export function seriesOf<M extends { month: string }>(
  months: readonly M[],
  catalogue: ReadonlyArray<{ indicator: string }>,
  valueOf: (month: M, indicator: string) => number | null,
): Map<string, IndicatorPoint[]> {
  return new Map(
    catalogue.map(({ indicator }) => [
      indicator,
      months.map((m) => ({ month: m.month, value: valueOf(m, indicator) })),
    ]),
  );
}
