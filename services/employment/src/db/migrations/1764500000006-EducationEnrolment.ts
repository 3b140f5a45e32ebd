import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Education enrolments per person, with their outcome. */
export class EducationEnrolment1764500000006 implements MigrationInterface {
  name = 'EducationEnrolment1764500000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE education_enrolment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
        person_id uuid NOT NULL,
        family_id uuid NOT NULL,
        level text NOT NULL CHECK (level IN ('PRIMARY_SCHOOL_COMPLETION', 'YOUTH_EDUCATION', 'VOCATIONAL', 'HIGHER')),
        institution text NOT NULL CHECK (length(institution) BETWEEN 1 AND 200),
        started_on date NOT NULL,
        expected_end_on date,
        outcome text CHECK (outcome IN ('COMPLETED', 'DROPPED_OUT')),
        outcome_on date,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT education_enrolment_expected_check CHECK (expected_end_on IS NULL OR expected_end_on >= started_on),
        CONSTRAINT education_enrolment_outcome_pair_check CHECK ((outcome IS NULL) = (outcome_on IS NULL)),
        CONSTRAINT education_enrolment_outcome_date_check CHECK (outcome_on IS NULL OR outcome_on >= started_on)
      )`);
    await q.query(
      'CREATE INDEX education_enrolment_person_idx ON education_enrolment (municipality_code, person_id, started_on)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE education_enrolment');
  }
}
