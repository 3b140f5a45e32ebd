import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The health part of the monthly registration: one row per person and month, re-recording kept in history. */
export class HealthIndicators1764800000002 implements MigrationInterface {
  name = 'HealthIndicators1764800000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE health_indicators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
        person_id uuid NOT NULL,
        family_id uuid NOT NULL,
        month char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        who5_items smallint[] NOT NULL
          CHECK (cardinality(who5_items) = 5 AND 0 <= ALL (who5_items) AND 5 >= ALL (who5_items)),
        self_rated_health smallint NOT NULL CHECK (self_rated_health BETWEEN 1 AND 5),
        in_treatment boolean NOT NULL,
        attending_as_planned boolean NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (municipality_code, person_id, month)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE health_indicators');
  }
}
