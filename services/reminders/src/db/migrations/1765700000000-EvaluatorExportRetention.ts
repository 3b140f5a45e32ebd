import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention of evaluators' CSVs: a DONE export's CSV is deleted after
 * EXPORT_RETENTION_DAYS and the request marked EXPIRED (the request row stays:
 * it is the audit record of the export).
 */
export class EvaluatorExportRetention1765700000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evaluator_export DROP CONSTRAINT evaluator_export_status_check`);
    await q.query(
      `ALTER TABLE evaluator_export ADD CONSTRAINT evaluator_export_status_check
         CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'EXPIRED'))`,
    );
    await q.query(`ALTER TABLE evaluator_export ADD COLUMN expired_at timestamptz`);
    // The hourly job finds what is still to run and what is due to expire by status.
    await q.query(`CREATE INDEX evaluator_export_status ON evaluator_export (status, completed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX evaluator_export_status`);
    await q.query(`ALTER TABLE evaluator_export DROP COLUMN expired_at`);
    await q.query(`UPDATE evaluator_export SET status = 'FAILED' WHERE status = 'EXPIRED'`);
    await q.query(`ALTER TABLE evaluator_export DROP CONSTRAINT evaluator_export_status_check`);
    await q.query(
      `ALTER TABLE evaluator_export ADD CONSTRAINT evaluator_export_status_check
         CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))`,
    );
  }
}
