import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Treatment details of the family plan's HEALTH activities: one row per activity, kept per municipality. */
export class TreatmentDetails1764800000003 implements MigrationInterface {
  name = 'TreatmentDetails1764800000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE treatment_details (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
        plan_activity_id uuid NOT NULL,
        person_id uuid NOT NULL,
        family_id uuid NOT NULL,
        provider text NOT NULL CHECK (length(provider) BETWEEN 1 AND 200),
        frequency text NOT NULL CHECK (length(frequency) BETWEEN 1 AND 200),
        sessions_planned integer NOT NULL CHECK (sessions_planned BETWEEN 0 AND 1000),
        sessions_attended integer NOT NULL DEFAULT 0 CHECK (sessions_attended BETWEEN 0 AND 1000),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (municipality_code, plan_activity_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE treatment_details');
  }
}
