import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Municipalities, caseworkers, families and their members (CPR encrypted, with a keyed hash). */
export class Initial1763800000000 implements MigrationInterface {
  name = 'Initial1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE municipality (
        code char(3) PRIMARY KEY CHECK (code ~ '^[0-9]{3}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE caseworker (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        name text NOT NULL,
        email text NOT NULL,
        department text NOT NULL CHECK (department IN ('FAMILY', 'JOBCENTER', 'HEALTH', 'ECONOMY')),
        roles text[] NOT NULL DEFAULT '{CASEWORKER}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX caseworker_email_key ON caseworker (lower(email))`);
    await q.query(`CREATE INDEX caseworker_municipality_idx ON caseworker (municipality_code, department)`);
    await q.query(`
      CREATE TABLE family (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        case_reference text NOT NULL,
        status text NOT NULL CHECK (status IN ('INTAKE', 'ACTIVE', 'CLOSED')),
        enrolment_date date,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT family_case_reference_key UNIQUE (municipality_code, case_reference)
      )`);
    await q.query(`CREATE INDEX family_municipality_status_idx ON family (municipality_code, status, created_at DESC)`);
    await q.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL REFERENCES family(id),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        first_name text NOT NULL,
        last_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('PARENT', 'CHILD', 'OTHER_ADULT')),
        cpr_encrypted bytea NOT NULL,
        cpr_hash bytea NOT NULL,
        birth_date date NOT NULL,
        sex text NOT NULL CHECK (sex IN ('FEMALE', 'MALE')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT person_family_cpr_key UNIQUE (family_id, cpr_hash)
      )`);
    await q.query(`CREATE INDEX person_family_idx ON person (family_id)`);
    await q.query(`CREATE INDEX person_cpr_hash_idx ON person (municipality_code, cpr_hash)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE person');
    await q.query('DROP TABLE family');
    await q.query('DROP TABLE caseworker');
    await q.query('DROP TABLE municipality');
  }
}
