import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Findings per area on a health assessment (kept as one JSON list: they are
 * read and revised with the assessment, never on their own), and the family
 * the assessed person belonged to (for the history; null on rows recorded before).
 */
export class HealthFindings1765000000000 implements MigrationInterface {
  name = 'HealthFindings1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE health_assessment
        ADD COLUMN findings jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(findings) = 'array'),
        ADD COLUMN family_id uuid,
        ADD COLUMN revised_at timestamptz,
        ADD COLUMN revised_by text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE health_assessment
        DROP COLUMN findings, DROP COLUMN family_id, DROP COLUMN revised_at, DROP COLUMN revised_by`);
  }
}
