import type { DataSource } from 'typeorm';
import type { Identity } from '@helhed/identity';

export type ExportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

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
}

const COLUMNS = `id, requested_by AS "requestedBy", municipality_code AS "municipality", department, roles,
  project_id AS "projectId", from_month AS "from", to_month AS "to", status, row_count AS "rowCount", csv, error,
  created_at AS "createdAt", completed_at AS "completedAt"`;

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

  async done(id: string, rowCount: number, csv: string): Promise<void> {
    await this.db.query(
      `UPDATE evaluator_export SET status = 'DONE', row_count = $2, csv = $3, error = NULL, completed_at = now()
        WHERE id = $1`,
      [id, rowCount, csv],
    );
  }

  async failed(id: string, error: string): Promise<void> {
    await this.db.query(
      `UPDATE evaluator_export SET status = 'FAILED', error = $2, completed_at = now() WHERE id = $1`,
      [id, error],
    );
  }
}
