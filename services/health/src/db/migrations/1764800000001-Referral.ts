import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Referrals to the regional health system, per person, kept per municipality. */
export class Referral1764800000001 implements MigrationInterface {
  name = 'Referral1764800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
        person_id uuid NOT NULL,
        family_id uuid NOT NULL,
        referred_to text NOT NULL CHECK (referred_to IN ('GP', 'PSYCHIATRY', 'CHILD_AND_ADOLESCENT_PSYCHIATRY',
          'SUBSTANCE_ABUSE_TREATMENT', 'PHYSIOTHERAPY', 'PSYCHOLOGIST', 'OTHER')),
        note text CHECK (length(note) <= 1000),
        sent_on date NOT NULL,
        accepted_on date CHECK (accepted_on >= sent_on),
        first_appointment_on date CHECK (first_appointment_on >= sent_on),
        closed_on date CHECK (closed_on >= sent_on),
        close_reason text CHECK (length(close_reason) <= 1000),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX referral_person_idx ON referral (municipality_code, person_id, sent_on DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE referral');
  }
}
