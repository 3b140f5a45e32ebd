import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Investment cases (the socio-economic investment model); the outcomes are one jsonb document. */
export class InvestmentCase1765100000001 implements MigrationInterface {
  name = 'InvestmentCase1765100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE investment_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL,
        name text NOT NULL,
        project_id uuid,
        participants integer NOT NULL CHECK (participants BETWEEN 1 AND 100000),
        horizon_years integer NOT NULL CHECK (horizon_years BETWEEN 1 AND 10),
        starts_on date NOT NULL,
        discount_rate_basis_points integer NOT NULL CHECK (discount_rate_basis_points BETWEEN 0 AND 2000),
        price_date date NOT NULL,
        start_up_cost_ore bigint NOT NULL CHECK (start_up_cost_ore >= 0),
        running_cost_per_year_ore bigint NOT NULL CHECK (running_cost_per_year_ore >= 0),
        effort_payer text NOT NULL CHECK (effort_payer IN ('MUNICIPALITY', 'REGION', 'STATE')),
        outcomes jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX investment_case_municipality ON investment_case (municipality_code, created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE investment_case');
  }
}
