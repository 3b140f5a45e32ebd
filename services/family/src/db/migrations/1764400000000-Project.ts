import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The municipality's project (*projekt*): its families, milestones and risks. */
export class Project1764400000000 implements MigrationInterface {
  name = 'Project1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        project_lead_id uuid NOT NULL REFERENCES caseworker(id),
        target_family_count integer NOT NULL CHECK (target_family_count BETWEEN 1 AND 10000),
        description text CHECK (description IS NULL OR length(description) BETWEEN 1 AND 2000),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT project_period_check CHECK (ends_on >= starts_on)
      )`);
    await q.query('CREATE INDEX project_municipality_idx ON project (municipality_code, starts_on DESC, id DESC)');

    await q.query(`
      CREATE TABLE project_enrolment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        project_id uuid NOT NULL REFERENCES project(id),
        family_id uuid NOT NULL REFERENCES family(id),
        enrolled_on date NOT NULL,
        ended_on date,
        end_reason text,
        ended_by text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT project_enrolment_end_check CHECK (
          (ended_on IS NULL OR ended_on >= enrolled_on)
          AND (ended_on IS NULL) = (end_reason IS NULL)
          AND (ended_on IS NULL) = (ended_by IS NULL)
          AND (end_reason IS NULL OR length(end_reason) BETWEEN 1 AND 500)
        )
      )`);
    // A family is in at most one project at a time (the application also refuses overlapping periods).
    await q.query(
      'CREATE UNIQUE INDEX project_enrolment_open_key ON project_enrolment (family_id) WHERE ended_on IS NULL',
    );
    await q.query('CREATE INDEX project_enrolment_project_idx ON project_enrolment (project_id, enrolled_on, id)');
    await q.query('CREATE INDEX project_enrolment_family_idx ON project_enrolment (family_id, enrolled_on DESC)');

    await q.query(`
      CREATE TABLE milestone (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        project_id uuid NOT NULL REFERENCES project(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text CHECK (description IS NULL OR length(description) BETWEEN 1 AND 2000),
        due_on date NOT NULL,
        done_on date,
        status text NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'DONE', 'DELAYED')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT milestone_done_check CHECK ((status = 'DONE') = (done_on IS NOT NULL))
      )`);
    await q.query('CREATE INDEX milestone_project_idx ON milestone (project_id, due_on, id)');

    await q.query(`
      CREATE TABLE risk (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        project_id uuid NOT NULL REFERENCES project(id),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
        likelihood smallint NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
        impact smallint NOT NULL CHECK (impact BETWEEN 1 AND 5),
        owner_id uuid NOT NULL REFERENCES caseworker(id),
        mitigation text CHECK (mitigation IS NULL OR length(mitigation) BETWEEN 1 AND 2000),
        status text NOT NULL CHECK (status IN ('OPEN', 'MITIGATED', 'CLOSED', 'OCCURRED')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX risk_project_idx ON risk (project_id)');
    await q.query('CREATE INDEX risk_owner_idx ON risk (owner_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE risk');
    await q.query('DROP TABLE milestone');
    await q.query('DROP TABLE project_enrolment');
    await q.query('DROP TABLE project');
  }
}
