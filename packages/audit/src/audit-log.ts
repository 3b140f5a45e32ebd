import { createHash } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import type { AuditEvent } from './audit-trail';
import { auditChainAnchor } from './audit-retention';

/**
 * The audit table every service keeps in its own database. Rows are chained:
 * each row's hash covers its content and the previous row's hash, so a removed
 * or altered row is found by `verifyAuditChain`. A trigger refuses UPDATE and
 * DELETE, except for a retention job that sets `helhed.audit_retention = on` in its transaction.
 */
export async function createAuditTable(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TABLE audit_event (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      user_id text NOT NULL,
      roles text[] NOT NULL,
      department text NOT NULL,
      municipality_code char(3) NOT NULL,
      person_id text NOT NULL,
      category text NOT NULL,
      field_paths text[] NOT NULL,
      operation text NOT NULL,
      purpose text,
      request_id text NOT NULL,
      prev_hash bytea,
      hash bytea NOT NULL
    )`);
  await q.query('CREATE INDEX audit_event_person_idx ON audit_event (municipality_code, person_id, at)');
  await q.query(`
    CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' AND current_setting('helhed.audit_retention', true) = 'on' THEN
        RETURN OLD;
      END IF;
      RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP;
    END $$`);
  await q.query(`
    CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
}

/**
 * Adds the search criterion to an audit table made by `createAuditTable` (each
 * service's migration calls it once). Rows before it have none (NULL).
 */
export async function addAuditCriterion(q: QueryRunner): Promise<void> {
  await q.query('ALTER TABLE audit_event ADD COLUMN criterion text');
}

export async function dropAuditCriterion(q: QueryRunner): Promise<void> {
  await q.query('ALTER TABLE audit_event DROP COLUMN criterion');
}

/**
 * An event's values in the order of the audit_event columns after `at`: the
 * one list both the hash and the INSERT are made from, so they cannot drift apart.
 */
function eventValues(e: AuditEvent): unknown[] {
  return [
    e.userId,
    e.roles,
    e.department,
    e.municipalityCode,
    e.personId,
    e.category,
    e.fieldPaths,
    e.operation,
    e.purpose,
    e.requestId,
  ];
}

/**
 * A row's hash: the previous hash and the row's content. The criterion joined
 * the row later (migration `addAuditCriterion`): it is hashed only when set, so
 * every row written before it (criterion NULL) hashes as it did and old chains
 * still verify, while a criterion added to, changed in or removed from a row is found.
 */
function hashOf(prev: Buffer | null, e: AuditEvent, at: string): Buffer {
  const content = JSON.stringify([at, ...eventValues(e), ...(e.criterion === null ? [] : [e.criterion])]);
  return createHash('sha256')
    .update(prev ?? Buffer.alloc(0))
    .update(content)
    .digest();
}

/** Appends a request's events in one statement, chained after the last row (serialised by an advisory lock). */
export async function appendAuditEvents(db: DataSource, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('audit_event'))`);
    const [last] = (await tx.query('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1')) as Array<{ hash: Buffer }>;
    const [{ now }] = (await tx.query(
      `SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS now`,
    )) as [{ now: string }];
    let prev = last?.hash ?? null;
    const params: unknown[] = [];
    const rows = events.map((e) => {
      const hash = hashOf(prev, e, now);
      const base = params.length;
      const values = [now, ...eventValues(e), e.criterion, prev, hash];
      params.push(...values);
      prev = hash;
      return `(${values.map((_, i) => `$${base + i + 1}`).join(', ')})`;
    });
    await tx.query(
      `INSERT INTO audit_event (at, user_id, roles, department, municipality_code, person_id, category,
         field_paths, operation, purpose, request_id, criterion, prev_hash, hash) VALUES ${rows.join(', ')}`,
      params,
    );
  });
}

/** Walks the chain; returns the id of the first row whose hash does not match, or null when intact. */
export async function verifyAuditChain(db: DataSource): Promise<string | null> {
  const rows = (await db.query(
    `SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, user_id, roles, department,
            municipality_code, person_id, category, field_paths, operation, purpose, request_id, criterion,
            prev_hash, hash
       FROM audit_event ORDER BY id`,
  )) as Array<Record<string, any>>;
  // The retention job removes the oldest rows and records the hash of the last one removed (the anchor):
  // the chain starts there, so rows removed outside a recorded cut are found as well.
  let prev: Buffer | null = await auditChainAnchor(db);
  for (const r of rows) {
    const expected = hashOf(
      prev,
      {
        userId: r.user_id,
        roles: r.roles,
        department: r.department,
        municipalityCode: r.municipality_code,
        personId: r.person_id,
        category: r.category,
        fieldPaths: r.field_paths,
        operation: r.operation,
        purpose: r.purpose,
        requestId: r.request_id,
        criterion: r.criterion,
      },
      r.at,
    );
    const prevMatches = prev === null ? r.prev_hash === null : r.prev_hash !== null && prev.equals(r.prev_hash);
    if (!prevMatches || Buffer.compare(expected, r.hash) !== 0) return String(r.id);
    prev = r.hash;
  }
  return null;
}
