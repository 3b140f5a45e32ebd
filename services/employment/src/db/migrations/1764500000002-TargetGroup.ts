import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Target-group periods per person; a person's periods never share a day. */
export class TargetGroup1764500000002 implements MigrationInterface {
  name = 'TargetGroup1764500000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await q.query(`
      CREATE TABLE target_group_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
        person_id uuid NOT NULL,
        family_id uuid NOT NULL,
        target_group text NOT NULL CHECK (target_group IN (
          'JOBPARAT', 'AKTIVITETSPARAT', 'UDDANNELSESPARAT', 'UDDANNELSESPAALAEG'
        )),
        from_date date NOT NULL,
        to_date date,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT target_group_assignment_dates_check CHECK (to_date IS NULL OR to_date >= from_date),
        CONSTRAINT target_group_assignment_no_overlap
          EXCLUDE USING gist (person_id WITH =, daterange(from_date, to_date, '[]') WITH &&)
      )`);
    await q.query(
      'CREATE INDEX target_group_assignment_person_idx ON target_group_assignment (municipality_code, person_id, from_date)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE target_group_assignment');
  }
}
