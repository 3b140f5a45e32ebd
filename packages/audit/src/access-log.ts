import type { DataSource } from 'typeorm';

/** One audit row as a person's access log shows it (the `AuditEntry` every subgraph contributes). */
export interface AuditEntry {
  /** When, ISO 8601 UTC with microseconds. */
  at: string;
  userId: string;
  roles: string[];
  department: string;
  category: string;
  operation: string;
  fieldPaths: string[];
  purpose: string | null;
  criterion: string | null;
  requestId: string;
}

/**
 * Reads a service's own audit rows about one person of one municipality
 * between two days (both included, as days in Europe/Copenhagen).
 * The audit table is not behind the tenancy wall (its chain runs across
 * municipalities), so the municipality is a condition here.
 */
export class AuditLogReader {
  constructor(private readonly db: DataSource) {}

  async entriesOf(municipality: string, personId: string, from: string, to: string): Promise<AuditEntry[]> {
    const rows = (await this.db.query(
      `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, user_id, roles, department,
              category, operation, field_paths, purpose, criterion, request_id
         FROM audit_event
        WHERE municipality_code = $1 AND person_id = $2
          AND at >= ($3::date)::timestamp AT TIME ZONE 'Europe/Copenhagen'
          AND at < ($4::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen'
        ORDER BY id`,
      [municipality, personId, from, to],
    )) as Array<Record<string, any>>;
    return rows.map((r) => ({
      at: r.at,
      userId: r.user_id,
      roles: r.roles,
      department: r.department,
      category: r.category,
      operation: r.operation,
      fieldPaths: r.field_paths,
      purpose: r.purpose,
      criterion: r.criterion,
      requestId: r.request_id,
    }));
  }
}
