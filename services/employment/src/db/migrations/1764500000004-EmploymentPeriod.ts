import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Employment periods per person (never overlapping), with the employer company. */
export class EmploymentPeriod1764500000004 implements MigrationInterface {
  name = 'EmploymentPeriod1764500000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await q.query(`
      CREATE TABLE employment_period (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
        person_id uuid NOT NULL,
        family_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN (
          'NONE', 'ORDINARY_PART_TIME', 'ORDINARY_FULL_TIME', 'FLEX_JOB', 'SUBSIDISED'
        )),
        hours_per_week numeric(4,1) NOT NULL CHECK (hours_per_week BETWEEN 0 AND 60),
        company_id uuid REFERENCES company(id),
        from_date date NOT NULL,
        to_date date,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT employment_period_dates_check CHECK (to_date IS NULL OR to_date >= from_date),
        CONSTRAINT employment_period_employer_check CHECK (kind = 'NONE' OR company_id IS NOT NULL),
        CONSTRAINT employment_period_no_overlap
          EXCLUDE USING gist (person_id WITH =, daterange(from_date, to_date, '[]') WITH &&)
      )`);
    await q.query(
      'CREATE INDEX employment_period_person_idx ON employment_period (municipality_code, person_id, from_date)',
    );
    await q.query('CREATE INDEX employment_period_company_idx ON employment_period (company_id, from_date)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE employment_period');
  }
}
