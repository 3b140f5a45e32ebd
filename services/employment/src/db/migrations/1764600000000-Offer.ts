import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Offer participations (linked to plan activities of the family subgraph) and their weekly attendance. */
export class Offer1764600000000 implements MigrationInterface {
  name = 'Offer1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE offer_participation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
        person_id uuid NOT NULL,
        family_id uuid NOT NULL,
        plan_activity_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN (
          'VIRKSOMHEDSPRAKTIK', 'LOENTILSKUD', 'MENTOR', 'NYTTEINDSATS', 'UDDANNELSE', 'OTHER'
        )),
        company_id uuid,
        planned_start_on date NOT NULL,
        planned_end_on date NOT NULL,
        planned_hours_per_week numeric(4,1) NOT NULL CHECK (planned_hours_per_week BETWEEN 0 AND 60),
        ended_on date,
        end_reason text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT offer_participation_period_check CHECK (planned_end_on >= planned_start_on),
        CONSTRAINT offer_participation_ended_check CHECK (ended_on IS NULL OR ended_on >= planned_start_on)
      )`);
    await q.query('CREATE INDEX offer_participation_activity_idx ON offer_participation (plan_activity_id)');
    await q.query('CREATE INDEX offer_participation_person_idx ON offer_participation (person_id, planned_start_on)');
    // One open participation per person and activity.
    await q.query(`CREATE UNIQUE INDEX offer_participation_open_uq ON offer_participation (plan_activity_id, person_id)
      WHERE ended_on IS NULL`);
    await q.query(`
      CREATE TABLE offer_attendance_week (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
        participation_id uuid NOT NULL REFERENCES offer_participation(id),
        person_id uuid NOT NULL,
        family_id uuid NOT NULL,
        iso_week text NOT NULL CHECK (iso_week ~ '^[0-9]{4}-W[0-9]{2}$'),
        week_starts_on date NOT NULL CHECK (extract(isodow FROM week_starts_on) = 1),
        planned_hours numeric(5,2) NOT NULL CHECK (planned_hours BETWEEN 0 AND 60),
        attended_hours numeric(5,2) NOT NULL CHECK (attended_hours >= 0 AND attended_hours <= planned_hours + 20),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT offer_attendance_week_uq UNIQUE (participation_id, iso_week)
      )`);
    await q.query('CREATE INDEX offer_attendance_week_person_idx ON offer_attendance_week (person_id, week_starts_on)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE offer_attendance_week');
    await q.query('DROP TABLE offer_participation');
  }
}
