/**
 * Disclosure control for the national view: aggregates per municipality and in
 * total in which no count under 5 can be read — neither shown nor calculated
 * from the numbers that are shown. Pure functions; every department's subgraph
 * protects its own section with them, so the rule is the same everywhere.
 *
 * The rule, per measure (a column of counts over the municipalities, and their total):
 * 1. Primary: a count under 5 is shown as `<5` (no number).
 * 2. Complementary: the total minus the shown municipalities gives the sum of the
 *    hidden ones. So the hidden cells of a measure are never just one, and never
 *    sum to under 5: until they are two or more summing to 5 or more, the smallest
 *    shown municipality is hidden as well (shown `x`; an `x` is always 5 or more).
 * 3. If the hidden cells would still pin down a count under 5 (all of them `<5`
 *    and summing to 4 each, or an `x` that must be exactly 5 next to zeros), or
 *    there is no other municipality to hide, the total is hidden (`x`).
 * 4. Within a row, a whole that is split into shown parts (families enrolled =
 *    active + closed + others) is hidden (`x`) wherever one of its parts is
 *    hidden, and then protected as its own column (2, 3).
 * 5. A share or average is shown only when every count it is computed from is shown.
 */

/** Counts under this are never shown. */
export const SUPPRESS_UNDER = 5;
/** How a count under 5 is shown. */
export const SHOWN_SMALL = `<${SUPPRESS_UNDER}`;
/** How a count of 5 or more is shown when it is hidden to protect a small count elsewhere. */
export const SHOWN_COMPLEMENT = 'x';

/** A count as the national view shows it. */
export interface ShownCount {
  value: number | null;
  shown: string;
}

const show = (value: number): ShownCount => ({ value, shown: String(value) });
const small: ShownCount = { value: null, shown: SHOWN_SMALL };
const complement: ShownCount = { value: null, shown: SHOWN_COMPLEMENT };

/**
 * One measure over the municipalities (`cells`, additive) and their total:
 * rules 1–3. `forced` cells (and the total, with `totalForced`) are hidden for a
 * reason outside the column (rule 4).
 */
export function protectColumn(
  cells: ReadonlyArray<{ key: string; value: number }>,
  forced: ReadonlySet<string> = new Set(),
  totalForced = false,
): { cells: Map<string, ShownCount>; total: ShownCount } {
  const total = cells.reduce((sum, c) => sum + c.value, 0);
  const isSmall = (n: number) => n < SUPPRESS_UNDER;
  if (isSmall(total)) return { cells: new Map(cells.map((c) => [c.key, small])), total: small };
  const primary = cells.filter((c) => isSmall(c.value));
  const hidden = new Set(cells.filter((c) => !isSmall(c.value) && forced.has(c.key)).map((c) => c.key));
  const shownCells = () => cells.filter((c) => !isSmall(c.value) && !hidden.has(c.key));
  let totalHidden = totalForced;
  // What a reader can work out from the total: the hidden cells sum to `rest`.
  const rest = () => total - shownCells().reduce((sum, c) => sum + c.value, 0);
  while (!totalHidden && primary.length + hidden.size > 0 && (primary.length + hidden.size === 1 || isSmall(rest()))) {
    const next = shownCells().sort((a, b) => a.value - b.value || (a.key < b.key ? -1 : 1))[0];
    if (next) hidden.add(next.key);
    else totalHidden = true;
  }
  if (!totalHidden && primary.length > 0) {
    // Each `<5` is 0–4, each `x` is 5 or more: does the sum pin a `<5` down?
    const k = primary.length;
    const m = hidden.size;
    const sum = rest();
    const highest = Math.min(SUPPRESS_UNDER - 1, sum - SUPPRESS_UNDER * m);
    const lowest = m > 0 ? 0 : Math.max(0, sum - (SUPPRESS_UNDER - 1) * (k - 1));
    if (lowest >= highest) totalHidden = true;
  }
  return {
    cells: new Map(
      cells.map((c) => [c.key, isSmall(c.value) ? small : hidden.has(c.key) ? complement : show(c.value)]),
    ),
    total: totalHidden ? complement : show(total),
  };
}

/** A row of a protected table: the municipality (null for the total) and its shown counts. */
export interface ProtectedRow<K extends string> {
  municipalityCode: string | null;
  counts: Record<K, ShownCount>;
}

/**
 * A table of counts per municipality and in total, protected by rules 1–4. The
 * total is the sum of the municipalities (every measure is additive); a measure
 * a municipality has no count for is 0. `partitions` name the wholes split into
 * shown parts (rule 4); their parts are protected first.
 */
export function protectCounts<K extends string>(
  measures: readonly K[],
  rows: ReadonlyArray<{ municipalityCode: string; counts: Partial<Record<K, number>> }>,
  partitions: ReadonlyArray<{ whole: K; parts: readonly K[] }> = [],
): { municipalities: Array<ProtectedRow<K>>; total: ProtectedRow<K> } {
  const wholes = new Set(partitions.map((p) => p.whole));
  const result = new Map<string, Map<string, ShownCount>>();
  const totals = new Map<string, ShownCount>();
  const column = (measure: K, forced?: ReadonlySet<string>, totalForced?: boolean) => {
    const { cells, total } = protectColumn(
      rows.map((r) => ({ key: r.municipalityCode, value: r.counts[measure] ?? 0 })),
      forced,
      totalForced,
    );
    result.set(measure, cells);
    totals.set(measure, total);
  };
  for (const measure of measures) if (!wholes.has(measure)) column(measure);
  for (const { whole, parts } of partitions) {
    const forced = new Set(
      rows
        .filter((r) => parts.some((part) => result.get(part)!.get(r.municipalityCode)!.value === null))
        .map((r) => r.municipalityCode),
    );
    column(
      whole,
      forced,
      parts.some((part) => totals.get(part)!.value === null),
    );
  }
  const counts = (of: (measure: K) => ShownCount) =>
    Object.fromEntries(measures.map((m) => [m, of(m)])) as Record<K, ShownCount>;
  return {
    municipalities: rows.map((r) => ({
      municipalityCode: r.municipalityCode,
      counts: counts((m) => result.get(m)!.get(r.municipalityCode)!),
    })),
    total: { municipalityCode: null, counts: counts((m) => totals.get(m)!) },
  };
}

/** A share in per cent (one decimal), shown only when numerator and denominator are shown (rule 5). */
export function protectedPercent(numerator: ShownCount, denominator: ShownCount): number | null {
  if (numerator.value === null || denominator.value === null || denominator.value === 0) return null;
  return Math.round((numerator.value / denominator.value) * 1000) / 10;
}

/** An average (one decimal) of a group's values, shown only when the group's count is shown (rule 5). */
export function protectedAverage(sum: number, group: ShownCount): number | null {
  if (group.value === null || group.value === 0) return null;
  return Math.round((sum / group.value) * 10) / 10;
}

/** An indicator's movement with its counts protected. */
export interface ProtectedMovement {
  indicator: string;
  department: string;
  higherIsBetter: boolean;
  improving: ShownCount;
  unchanged: ShownCount;
  worsening: ShownCount;
}

const DIRECTIONS = ['improving', 'unchanged', 'worsening'] as const;

/**
 * A department's national section: its counts per municipality (and the
 * movement of its indicators, each direction a measure of its own) protected
 * together as one table by rules 1–4; the total is the municipalities' sum.
 * Indicators anyone moved on in any municipality are listed everywhere, in the
 * order first seen (the departments' catalogue order).
 */
export function protectSection<K extends string>(
  measures: readonly K[],
  groups: ReadonlyArray<{
    municipalityCode: string;
    counts: Partial<Record<K, number>>;
    movement: ReadonlyArray<{
      indicator: string;
      department: string;
      higherIsBetter: boolean;
      improving: number;
      unchanged: number;
      worsening: number;
    }>;
  }>,
  partitions: ReadonlyArray<{ whole: K; parts: readonly K[] }> = [],
) {
  const indicators = new Map<string, { indicator: string; department: string; higherIsBetter: boolean }>();
  for (const g of groups)
    for (const { indicator, department, higherIsBetter } of g.movement)
      if (!indicators.has(indicator)) indicators.set(indicator, { indicator, department, higherIsBetter });
  const key = (indicator: string, direction: string) => `movement:${indicator}:${direction}`;
  const movementKeys = [...indicators.keys()].flatMap((i) => DIRECTIONS.map((d) => key(i, d)));
  const table = protectCounts<string>(
    [...measures, ...movementKeys],
    groups.map((g) => {
      const counts: Record<string, number> = { ...(g.counts as Record<string, number>) };
      for (const m of g.movement) for (const d of DIRECTIONS) counts[key(m.indicator, d)] = m[d];
      return { municipalityCode: g.municipalityCode, counts };
    }),
    partitions,
  );
  const toRow = (row: ProtectedRow<string>) => ({
    municipalityCode: row.municipalityCode,
    counts: row.counts as Record<K, ShownCount>,
    indicatorMovement: [...indicators.values()].map((i): ProtectedMovement => ({
      ...i,
      improving: row.counts[key(i.indicator, 'improving')]!,
      unchanged: row.counts[key(i.indicator, 'unchanged')]!,
      worsening: row.counts[key(i.indicator, 'worsening')]!,
    })),
  });
  return { municipalities: table.municipalities.map(toRow), total: toRow(table.total) };
}

/** Groups items by municipality code, codes in order. */
export function byMunicipalityCode<T extends { municipalityCode: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  const codes = [...new Set(items.map((i) => i.municipalityCode))].sort();
  for (const code of codes) groups.set(code, []);
  for (const item of items) groups.get(item.municipalityCode)!.push(item);
  return groups;
}
