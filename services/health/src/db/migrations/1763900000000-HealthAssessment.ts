import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Health assessments per person, kept per municipality. */
export class HealthAssessment1763900000000 implements MigrationInterface {
  name = 'HealthAssessment1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE health_assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL,
        municipality_code char(3) NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
        assessed_on date NOT NULL,
        assessed_by text NOT NULL,
        physical text CHECK (length(physical) <= 4000),
        mental text CHECK (length(mental) <= 4000),
        substance_use text CHECK (length(substance_use) <= 4000),
        recommendations text CHECK (length(recommendations) <= 4000),
        summary_for_team text NOT NULL CHECK (length(summary_for_team) BETWEEN 1 AND 1000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX health_assessment_person_idx ON health_assessment (person_id, assessed_on DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE health_assessment');
  }
}
