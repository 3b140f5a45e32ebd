import type { DataSource, QueryRunner } from 'typeorm';

/**
 * The record of each retention cut: how many of the oldest rows were deleted
 * and the anchor — the hash of the last deleted row, which the first kept row
 * links to. `verifyAuditChain` starts the chain at the latest anchor, so
 * removing the oldest rows outside a recorded cut is still found. Like the
 * audit table it is append-only.
 */
export async function createAuditCutTable(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TABLE audit_cut (
      id bigserial PRIMARY KEY,
      cut_at timestamptz NOT NULL DEFAULT now(),
      older_than timestamptz NOT NULL,
      last_deleted_id bigint NOT NULL,
      deleted integer NOT NULL,
      anchor bytea NOT NULL
    )`);
  await q.query(`
    CREATE FUNCTION audit_cut_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_cut is append-only (% refused)', TG_OP;
    END $$`);
  await q.query(`
    CREATE TRIGGER audit_cut_append_only BEFORE UPDATE OR DELETE ON audit_cut
    FOR EACH ROW EXECUTE FUNCTION audit_cut_append_only()`);
}

export async function dropAuditCutTable(q: QueryRunner): Promise<void> {
  await q.query('DROP TABLE audit_cut');
  await q.query('DROP FUNCTION audit_cut_append_only()');
}

/** The retention period in years: `AUDIT_RETENTION_YEARS`, default 5. */
export function auditRetentionYears(env: Record<string, string | undefined> = process.env): number {
  const raw = env.AUDIT_RETENTION_YEARS;
  if (raw === undefined || raw === '') return 5;
  const years = Number(raw);
  if (!Number.isInteger(years) || years < 1)
    throw new Error('AUDIT_RETENTION_YEARS must be a whole number of years, 1 or more');
  return years;
}

/**
 * Deletes the audit rows older than `years` years and records the cut's
 * anchor, in one transaction (serialised with appends by the same advisory
 * lock). The append-only trigger lets the DELETE through only with
 * `helhed.audit_retention = on` set in the transaction; run it as the
 * database owner role, not the application's role (see README "Access rules").
 * Returns how many rows were deleted.
 */
export async function deleteExpiredAuditEvents(db: DataSource, years: number): Promise<number> {
  const [cutoff] = (await db.query(`SELECT now() - make_interval(years => $1) AS older_than`, [years])) as [
    { older_than: Date },
  ];
  return deleteAuditEventsBefore(db, cutoff.older_than);
}

/** Deletes the audit rows written before `olderThan` and records the cut's anchor (see `deleteExpiredAuditEvents`). */
export async function deleteAuditEventsBefore(db: DataSource, olderThan: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('audit_event'))`);
    const cutoff = { older_than: olderThan };
    const [last] = (await tx.query('SELECT id, hash FROM audit_event WHERE at < $1 ORDER BY id DESC LIMIT 1', [
      cutoff.older_than,
    ])) as Array<{ id: string; hash: Buffer }>;
    if (!last) return 0;
    await tx.query(`SET LOCAL helhed.audit_retention = 'on'`);
    const deleted = (await tx.query('DELETE FROM audit_event WHERE id <= $1', [last.id])) as [unknown, number];
    const count = deleted[1];
    await tx.query('INSERT INTO audit_cut (older_than, last_deleted_id, deleted, anchor) VALUES ($1, $2, $3, $4)', [
      cutoff.older_than,
      last.id,
      count,
      last.hash,
    ]);
    return count;
  });
}

/** Where the chain starts: the latest cut's anchor, or null when no cut was made (or the service keeps no cut table). */
export async function auditChainAnchor(db: DataSource): Promise<Buffer | null> {
  const [table] = (await db.query(`SELECT to_regclass('audit_cut') AS t`)) as [{ t: string | null }];
  if (!table.t) return null;
  const [cut] = (await db.query('SELECT anchor FROM audit_cut ORDER BY id DESC LIMIT 1')) as Array<{ anchor: Buffer }>;
  return cut?.anchor ?? null;
}
