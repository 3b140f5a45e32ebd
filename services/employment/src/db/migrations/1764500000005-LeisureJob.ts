import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Children's leisure jobs at companies. */
export class LeisureJob1764500000005 implements MigrationInterface {
  name = 'LeisureJob1764500000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE leisure_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
        person_id uuid NOT NULL,
        family_id uuid NOT NULL,
        company_id uuid NOT NULL REFERENCES company(id),
        hours_per_week numeric(4,1) NOT NULL CHECK (hours_per_week BETWEEN 0 AND 20),
        started_on date NOT NULL,
        ended_on date,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT leisure_job_dates_check CHECK (ended_on IS NULL OR ended_on >= started_on)
      )`);
    await q.query('CREATE INDEX leisure_job_person_idx ON leisure_job (municipality_code, person_id, started_on)');
    await q.query('CREATE INDEX leisure_job_company_idx ON leisure_job (company_id, started_on)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE leisure_job');
  }
}
