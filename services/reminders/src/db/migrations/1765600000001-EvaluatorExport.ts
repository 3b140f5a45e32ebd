import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluators' exports: the request (who, with which roles, when, which project
 * and months) is the audit record of the export and is never deleted; the CSV
 * is written into the row when the background job is done.
 */
export class EvaluatorExport1765600000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evaluator_export (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requested_by text NOT NULL,
        municipality_code char(3) NOT NULL,
        department text NOT NULL,
        roles text[] NOT NULL,
        project_id uuid NOT NULL,
        from_month char(7) NOT NULL,
        to_month char(7) NOT NULL,
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        row_count integer,
        csv text,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await q.query(`CREATE INDEX evaluator_export_requested_by ON evaluator_export (requested_by, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evaluator_export`);
  }
}
