import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A family's lifecycle (closing date and reason), soft removal of members, and
 * the family's team of caseworkers with its one contact person (*kontaktperson*).
 */
export class FamilyLifecycleAndTeam1764100000000 implements MigrationInterface {
  name = 'FamilyLifecycleAndTeam1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE family
        ADD COLUMN closed_on date,
        ADD COLUMN close_reason text,
        ADD CONSTRAINT family_closed_check CHECK (
          (status = 'CLOSED') = (closed_on IS NOT NULL)
          AND (closed_on IS NULL) = (close_reason IS NULL)
          AND (close_reason IS NULL OR length(close_reason) BETWEEN 1 AND 500)
          AND (closed_on IS NULL OR enrolment_date IS NULL OR closed_on >= enrolment_date)
        ),
        ADD CONSTRAINT family_active_enrolled_check CHECK (status = 'INTAKE' OR status = 'CLOSED' OR enrolment_date IS NOT NULL)`);
    // Millisecond precision, so a cursor (which carries the time as JavaScript sees it) names a row exactly.
    await q.query('ALTER TABLE family ALTER COLUMN created_at TYPE timestamptz(3)');
    await q.query(
      'CREATE INDEX family_municipality_created_idx ON family (municipality_code, created_at DESC, id DESC)',
    );

    await q.query(`
      ALTER TABLE person
        ADD COLUMN removed_on date,
        ADD COLUMN removal_reason text,
        ADD CONSTRAINT person_removed_check CHECK (
          (removed_on IS NULL) = (removal_reason IS NULL)
          AND (removal_reason IS NULL OR length(removal_reason) BETWEEN 1 AND 500)
        )`);
    // A CPR number appears once among a family's current members; a former member may be added again.
    await q.query('ALTER TABLE person DROP CONSTRAINT person_family_cpr_key');
    await q.query('CREATE UNIQUE INDEX person_family_cpr_key ON person (family_id, cpr_hash) WHERE removed_on IS NULL');

    await q.query(`
      CREATE TABLE family_team_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        caseworker_id uuid NOT NULL REFERENCES caseworker(id),
        department text NOT NULL CHECK (department IN ('FAMILY', 'JOBCENTER', 'HEALTH', 'ECONOMY')),
        role text CHECK (role IS NULL OR length(role) BETWEEN 1 AND 100),
        from_date date NOT NULL,
        to_date date CHECK (to_date IS NULL OR to_date >= from_date),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // At most one open-ended membership per caseworker and family (the application also refuses overlaps).
    await q.query(
      'CREATE UNIQUE INDEX family_team_member_open_key ON family_team_member (family_id, caseworker_id) WHERE to_date IS NULL',
    );
    await q.query(
      'CREATE INDEX family_team_member_caseworker_idx ON family_team_member (municipality_code, caseworker_id)',
    );

    await q.query(`
      CREATE TABLE contact_person_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        caseworker_id uuid NOT NULL REFERENCES caseworker(id),
        from_date date NOT NULL,
        to_date date CHECK (to_date IS NULL OR to_date >= from_date),
        reason text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One open contact-person assignment per family: a new one ends the previous one.
    await q.query(
      'CREATE UNIQUE INDEX contact_person_assignment_open_key ON contact_person_assignment (family_id) WHERE to_date IS NULL',
    );
    await q.query(
      'CREATE INDEX contact_person_assignment_family_idx ON contact_person_assignment (family_id, from_date DESC)',
    );
    await q.query(
      'CREATE INDEX contact_person_assignment_caseworker_idx ON contact_person_assignment (municipality_code, caseworker_id, from_date)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE contact_person_assignment');
    await q.query('DROP TABLE family_team_member');
    await q.query('DROP INDEX person_family_cpr_key');
    await q.query('ALTER TABLE person ADD CONSTRAINT person_family_cpr_key UNIQUE (family_id, cpr_hash)');
    await q.query('ALTER TABLE person DROP COLUMN removal_reason, DROP COLUMN removed_on');
    await q.query('DROP INDEX family_municipality_created_idx');
    await q.query('ALTER TABLE family ALTER COLUMN created_at TYPE timestamptz');
    await q.query(
      'ALTER TABLE family DROP CONSTRAINT family_active_enrolled_check, DROP CONSTRAINT family_closed_check, DROP COLUMN close_reason, DROP COLUMN closed_on',
    );
  }
}
