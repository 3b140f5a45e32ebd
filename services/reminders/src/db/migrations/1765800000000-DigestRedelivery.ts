import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Redelivery of digests: a digest whose attempt was interrupted is sent again
 * with the same Message-ID (`resends` counts those sends, each a possible
 * duplicate), and a FAILED digest says why it failed — TRANSIENT (4xx, the
 * server unreachable: reconciliation re-opens it within the window),
 * PERMANENT (a 5xx rejection) or EXPIRED (not sent within the window).
 */
export class DigestRedelivery1765800000000 implements MigrationInterface {
  name = 'DigestRedelivery1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE digest ADD COLUMN resends integer NOT NULL DEFAULT 0 CHECK (resends >= 0)`);
    await q.query(
      `ALTER TABLE digest ADD COLUMN failure_kind text CHECK (failure_kind IN ('TRANSIENT', 'PERMANENT', 'EXPIRED'))`,
    );
    // Rows failed before this migration: a 5xx said so in its error, anything else may pass on retry.
    await q.query(
      `UPDATE digest SET failure_kind = CASE WHEN last_error ~ '(^|\\D)5\\d\\d(\\D|$)' THEN 'PERMANENT' ELSE 'TRANSIENT' END
        WHERE status = 'FAILED'`,
    );
    // Reconciliation re-opens transient failures of the last business days.
    await q.query(
      `CREATE INDEX digest_transient_idx ON digest (day) WHERE status = 'FAILED' AND failure_kind = 'TRANSIENT'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX digest_transient_idx');
    await q.query('ALTER TABLE digest DROP COLUMN failure_kind');
    await q.query('ALTER TABLE digest DROP COLUMN resends');
  }
}
