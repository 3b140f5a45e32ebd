import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Companies (one per CVR number in a municipality) and their partnership agreements. */
export class Company1764500000003 implements MigrationInterface {
  name = 'Company1764500000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE company (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
        cvr char(8) NOT NULL CHECK (cvr ~ '^[1-9][0-9]{7}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        contact_name text,
        contact_email text,
        contact_phone text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT company_cvr_unique UNIQUE (municipality_code, cvr)
      )`);
    await q.query('CREATE INDEX company_name_idx ON company (municipality_code, name, id)');
    await q.query(`
      CREATE TABLE partnership_agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
        company_id uuid NOT NULL REFERENCES company(id),
        kind text NOT NULL CHECK (kind IN ('INTERNSHIP_PLACES', 'LEISURE_JOBS', 'WAGE_SUBSIDY')),
        from_date date NOT NULL,
        to_date date,
        places int CHECK (places IS NULL OR places BETWEEN 1 AND 10000),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT partnership_agreement_dates_check CHECK (to_date IS NULL OR to_date >= from_date)
      )`);
    await q.query('CREATE INDEX partnership_agreement_company_idx ON partnership_agreement (company_id, from_date)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE partnership_agreement');
    await q.query('DROP TABLE company');
  }
}
