import type { DataSource } from 'typeorm';
import { now } from '@helhed/calendar';
import type { Identity } from '@helhed/identity';

export type ExportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED' | 'EXPIRED';

export interface StoredExport {
  id: string;
  requestedBy: string;
  requester: Identity;
  projectId: string;
  from: string;
  to: string;
  status: ExportStatus;
  rowCount: number | null;
  csv: string | null;
  error: string | null;
  createdAt: Date;
  completedAt: Date | null;
  /** When the CSV was deleted (EXPIRED). */
  expiredAt: Date | null;
}

const COLUMNS = `id, requested_by AS "requestedBy", municipality_code AS "municipality", department, roles,
  project_id AS "projectId", from_month AS "from", to_month AS "to", status, row_count AS "rowCount", csv, error,
  created_at AS "createdAt", completed_at AS "completedAt", expired_at AS "expiredAt"`;

type Row = Omit<StoredExport, 'requester'> & { municipality: string; department: string; roles: string[] };
const toExport = ({ municipality, department, roles, ...r }: Row): StoredExport => ({
  ...r,
  requester: { userId: r.requestedBy, municipality, department, roles } as Identity,
});

/** The evaluator export requests (table `evaluator_export`, the reminders service's database). */
export class ExportStore {
  constructor(private readonly db: DataSource) {}

  /** Records a request; the row is the audit record of who asked for which data when. */
  async request(requester: Identity, projectId: string, from: string, to: string): Promise<StoredExport> {
    const rows = (await this.db.query(
      `INSERT INTO evaluator_export (requested_by, municipality_code, department, roles, project_id, from_month, to_month)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [requester.userId, requester.municipality, requester.department, requester.roles, projectId, from, to],
    )) as Row[];
    return toExport(rows[0]!);
  }

  async byId(id: string): Promise<StoredExport | null> {
    const rows = (await this.db.query(`SELECT ${COLUMNS} FROM evaluator_export WHERE id = $1`, [id])) as Row[];
    return rows[0] ? toExport(rows[0]) : null;
  }

  /** Marks a queued (or retried) request as running; false when it is already done or failed. */
  async start(id: string): Promise<boolean> {
    const rows = (await this.db.query(
      // A CTE, so the driver answers rows (an UPDATE … RETURNING answers [rows, count] through TypeORM).
      `WITH started AS (
         UPDATE evaluator_export SET status = 'RUNNING' WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING id
       ) SELECT id FROM started`,
      [id],
    )) as unknown[];
    return rows.length === 1;
  }

  /**
   * Writes the CSV and marks the export DONE — only a RUNNING one: a job that
   * runs again for an export already finished (a re-queued or duplicated job)
   * changes nothing. True when this call finished it.
   */
  async done(id: string, rowCount: number, csv: string): Promise<boolean> {
    const rows = (await this.db.query(
      `WITH finished AS (
         UPDATE evaluator_export SET status = 'DONE', row_count = $2, csv = $3, error = NULL, completed_at = $4
          WHERE id = $1 AND status = 'RUNNING' RETURNING id
       ) SELECT id FROM finished`,
      // From the platform's clock, not PostgreSQL's: `expire` compares it with a cut-off the clock reckons.
      [id, rowCount, csv, now()],
    )) as unknown[];
    return rows.length === 1;
  }

  /** Marks a queued or running export FAILED; a finished one stays as it is. */
  async failed(id: string, error: string): Promise<void> {
    await this.db.query(
      `UPDATE evaluator_export SET status = 'FAILED', error = $2, completed_at = now()
        WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')`,
      [id, error],
    );
  }

  /** Exports not finished (QUEUED or RUNNING), oldest first: the reconciliation puts their jobs on the queue again. */
  async unfinished(): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT id FROM evaluator_export WHERE status IN ('QUEUED', 'RUNNING') ORDER BY created_at, id`,
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /**
   * Deletes the CSV of every export DONE before `doneBefore` and marks it
   * EXPIRED (the request row stays as the audit record). Returns their ids.
   */
  async expire(doneBefore: Date): Promise<string[]> {
    const rows = (await this.db.query(
      `WITH expired AS (
         UPDATE evaluator_export SET status = 'EXPIRED', csv = NULL, expired_at = now()
          WHERE status = 'DONE' AND completed_at < $1 RETURNING id
       ) SELECT id FROM expired`,
      [doneBefore],
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }
}
