import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The municipality's civil-society partners and family members' activities with them. */
export class CivilSociety1764200000001 implements MigrationInterface {
  name = 'CivilSociety1764200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE civil_society_partner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (
          kind IN ('SPORTS_CLUB', 'VOLUNTEER_ORGANISATION', 'CULTURAL_ASSOCIATION', 'FAITH_COMMUNITY', 'OTHER')
        ),
        contact text CHECK (contact IS NULL OR length(contact) BETWEEN 1 AND 500),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE UNIQUE INDEX civil_society_partner_name_key ON civil_society_partner (municipality_code, lower(name))',
    );
    // The partner list is paged by name, then id.
    await q.query('CREATE INDEX civil_society_partner_list_idx ON civil_society_partner (municipality_code, name, id)');

    await q.query(`
      CREATE TABLE civil_society_participation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        person_id uuid NOT NULL REFERENCES person(id),
        partner_id uuid NOT NULL REFERENCES civil_society_partner(id),
        activity text NOT NULL CHECK (length(activity) BETWEEN 1 AND 500),
        start_date date NOT NULL,
        end_date date CHECK (end_date IS NULL OR end_date >= start_date),
        hours_per_week numeric(4, 1) NOT NULL CHECK (hours_per_week BETWEEN 0 AND 60),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE INDEX civil_society_participation_person_idx ON civil_society_participation (person_id, start_date)',
    );
    await q.query('CREATE INDEX civil_society_participation_partner_idx ON civil_society_participation (partner_id)');
    await q.query('CREATE INDEX civil_society_participation_family_idx ON civil_society_participation (family_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE civil_society_participation');
    await q.query('DROP TABLE civil_society_partner');
  }
}
