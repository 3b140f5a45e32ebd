import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Benefit periods per person, kept per municipality. */
export class BenefitPeriod1763900000000 implements MigrationInterface {
  name = 'BenefitPeriod1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE benefit_period (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL,
        municipality_code char(3) NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
        type text NOT NULL CHECK (type IN (
          'KONTANTHJAELP', 'UDDANNELSESHJAELP', 'SELVFORSOERGELSESYDELSE', 'SYGEDAGPENGE',
          'RESSOURCEFORLOEBSYDELSE', 'LEDIGHEDSYDELSE', 'FLEKSJOB', 'FOERTIDSPENSION', 'NONE'
        )),
        from_date date NOT NULL,
        to_date date,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT benefit_period_dates_check CHECK (to_date IS NULL OR to_date >= from_date)
      )`);
    await q.query(`CREATE INDEX benefit_period_person_idx ON benefit_period (person_id, from_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE benefit_period');
  }
}
