import type { AuditEntry } from '@helhed/audit';

/** One entry of a person's access log: an audit row of one subgraph, with the caseworker's name. */
export interface AccessLogEntry extends AuditEntry {
  /** The subgraph whose audit log holds the row (family, employment, health, economy). */
  source: string;
  caseworkerName: string | null;
}

/** The longest period one access log covers (a citizen may ask for the whole retention period: 5 years). */
export const ACCESS_LOG_MAX_DAYS = 366 * 5;

/** Why a period cannot be an access log's, with the argument at fault; null when it can. */
export function accessLogPeriodProblem(from: string, to: string): { field: string; message: string } | null {
  if (to < from) return { field: 'to', message: 'The last day is before the first day' };
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days >= ACCESS_LOG_MAX_DAYS) return { field: 'to', message: 'An access log covers at most 5 years' };
  return null;
}

/**
 * Merges each subgraph's audit rows about a person into one log, oldest first
 * (rows of one moment by subgraph, then request), naming each caller that is
 * a caseworker of the municipality.
 */
export function mergeAccessLog(
  parts: ReadonlyArray<{ source: string; entries: readonly AuditEntry[] }>,
  caseworkerNames: ReadonlyMap<string, string>,
): AccessLogEntry[] {
  const all = parts.flatMap(({ source, entries }) =>
    entries.map((e) => ({ ...e, source, caseworkerName: caseworkerNames.get(e.userId) ?? null })),
  );
  return all.sort(
    (a, b) =>
      compare(a.at, b.at) ||
      compare(a.source, b.source) ||
      compare(a.requestId, b.requestId) ||
      compare(a.category, b.category),
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const CSV_COLUMNS = [
  'at',
  'source',
  'userId',
  'caseworkerName',
  'department',
  'roles',
  'category',
  'operation',
  'fieldPaths',
  'purpose',
  'criterion',
  'requestId',
] as const;

/**
 * The log as CSV (RFC 4180: comma-separated, CRLF, quoted where needed), one
 * line per entry after a header; lists are space-separated. A cell that a
 * spreadsheet would run as a formula (starting with =, +, -, @) gets a leading
 * apostrophe.
 */
export function accessLogCsv(entries: readonly AccessLogEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of entries) {
    lines.push(
      CSV_COLUMNS.map((c) => {
        const v = e[c];
        return csvCell(Array.isArray(v) ? v.join(' ') : (v ?? ''));
      }).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
