import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The caseworker's confirmation of the jobcenter's part of the monthly registration. */
export class EmploymentRegistration1764600000001 implements MigrationInterface {
  name = 'EmploymentRegistration1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE employment_registration_confirmation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
        person_id uuid NOT NULL,
        family_id uuid NOT NULL,
        month char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        derived jsonb NOT NULL,
        corrections jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(corrections) = 'object'),
        confirmed_by text NOT NULL,
        confirmed_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT employment_registration_confirmation_uq UNIQUE (municipality_code, person_id, month)
      )`);
    await q.query(`CREATE INDEX employment_registration_confirmation_family_idx
      ON employment_registration_confirmation (family_id, month)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE employment_registration_confirmation');
  }
}
