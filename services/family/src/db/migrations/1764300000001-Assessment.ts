import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cross-disciplinary assessment (*tværfaglig udredning*). An assessment is
 * a stable id with numbered versions; a revision adds a version (with its own
 * participants and findings) and moves `current_version`. Nothing is overwritten.
 */
export class Assessment1764300000001 implements MigrationInterface {
  name = 'Assessment1764300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        current_version integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX assessment_family_idx ON assessment (family_id)');
    await q.query(`
      CREATE TABLE assessment_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES assessment(id),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        version integer NOT NULL CHECK (version >= 1),
        assessed_on date NOT NULL,
        revision_reason text CHECK (length(revision_reason) <= 1000),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT assessment_version_key UNIQUE (assessment_id, version),
        CHECK ((version = 1) = (revision_reason IS NULL))
      )`);
    await q.query(`
      CREATE TABLE assessment_participant (
        assessment_version_id uuid NOT NULL REFERENCES assessment_version(id),
        caseworker_id uuid NOT NULL REFERENCES caseworker(id),
        department text NOT NULL CHECK (department IN ('FAMILY', 'JOBCENTER', 'HEALTH', 'ECONOMY')),
        position smallint NOT NULL CHECK (position >= 0),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (assessment_version_id, caseworker_id)
      )`);
    await q.query(`
      CREATE TABLE assessment_finding (
        assessment_version_id uuid NOT NULL REFERENCES assessment_version(id),
        domain text NOT NULL CHECK (domain IN ('SOCIAL', 'HEALTH', 'EMPLOYMENT')),
        resources text NOT NULL CHECK (length(resources) <= 4000),
        challenges text NOT NULL CHECK (length(challenges) <= 4000),
        wishes text NOT NULL CHECK (length(wishes) <= 4000),
        needs text NOT NULL CHECK (length(needs) <= 4000),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (assessment_version_id, domain)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE assessment_finding');
    await q.query('DROP TABLE assessment_participant');
    await q.query('DROP TABLE assessment_version');
    await q.query('DROP TABLE assessment');
  }
}
