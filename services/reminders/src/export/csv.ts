/** One row of the evaluators' dataset as the gateway answers it. */
export interface DatasetRow {
  pseudonym: string;
  familyPseudonym: string;
  birthYear: number;
  sex: string;
  role: string;
  month: string;
  indicators: Array<{ indicator: string; department: string; value: number | null }>;
}

const FIXED = ['pseudonym', 'family_pseudonym', 'birth_year', 'sex', 'role', 'month'];
const DEPARTMENT_ORDER = ['FAMILY', 'JOBCENTER', 'HEALTH'];

/** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
const field = (v: string | number | null): string => {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The dataset as CSV (RFC 4180, CRLF line ends): a header row, then one row per
 * person-month. The fixed columns come first, then one column per indicator that
 * occurs, by department (family, jobcenter, health) and name; an empty cell is
 * not registered (or judged not relevant).
 */
export function toCsv(rows: readonly DatasetRow[]): string {
  const indicators = new Map<string, string>();
  for (const r of rows) for (const i of r.indicators) indicators.set(i.indicator, i.department);
  const columns = [...indicators.entries()]
    .sort(([a, da], [b, db]) => DEPARTMENT_ORDER.indexOf(da) - DEPARTMENT_ORDER.indexOf(db) || a.localeCompare(b))
    .map(([name]) => name);
  const lines = [[...FIXED, ...columns.map((c) => c.toLowerCase())].join(',')];
  for (const r of rows) {
    const values = new Map(r.indicators.map((i) => [i.indicator, i.value]));
    lines.push(
      [
        r.pseudonym,
        r.familyPseudonym,
        r.birthYear,
        r.sex,
        r.role,
        r.month,
        ...columns.map((c) => values.get(c) ?? null),
      ]
        .map(field)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
