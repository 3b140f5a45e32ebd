import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The family's one plan (*én samlet familieplan*) with its versions, phases and
 * goals. Each version's phases and goal texts are kept as rows of that version;
 * a goal keeps its id (and status) across versions. At most one OPEN plan per
 * family, enforced by a partial unique index.
 */
export class FamilyPlan1764300000002 implements MigrationInterface {
  name = 'FamilyPlan1764300000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE family_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        based_on_assessment_id uuid REFERENCES assessment(id),
        starts_on date NOT NULL,
        follow_up_cadence_weeks smallint NOT NULL CHECK (follow_up_cadence_weeks BETWEEN 1 AND 52),
        closed_on date,
        close_reason text CHECK (length(close_reason) <= 1000),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'CLOSED') = (closed_on IS NOT NULL)),
        CHECK ((closed_on IS NULL) = (close_reason IS NULL)),
        CHECK (closed_on IS NULL OR closed_on >= starts_on)
      )`);
    await q.query(`CREATE UNIQUE INDEX family_plan_one_open_key ON family_plan (family_id) WHERE status = 'OPEN'`);
    await q.query('CREATE INDEX family_plan_family_idx ON family_plan (family_id, created_at DESC)');
    await q.query(`
      CREATE TABLE family_plan_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES family_plan(id),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        version integer NOT NULL CHECK (version >= 1),
        starts_on date NOT NULL,
        follow_up_cadence_weeks smallint NOT NULL CHECK (follow_up_cadence_weeks BETWEEN 1 AND 52),
        based_on_assessment_id uuid REFERENCES assessment(id),
        reason text CHECK (length(reason) <= 1000),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT family_plan_version_key UNIQUE (plan_id, version),
        CHECK ((version = 1) = (reason IS NULL))
      )`);
    await q.query(`
      CREATE TABLE plan_phase (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES family_plan(id),
        plan_version integer NOT NULL CHECK (plan_version >= 1),
        position smallint NOT NULL CHECK (position >= 0),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        focus text NOT NULL CHECK (length(focus) <= 1000),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plan_phase_position_key UNIQUE (plan_id, plan_version, position),
        CHECK (ends_on >= starts_on)
      )`);
    await q.query(`
      CREATE TABLE plan_goal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES family_plan(id),
        member_id uuid REFERENCES person(id),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
        target_date date NOT NULL,
        status text NOT NULL DEFAULT 'NOT_STARTED'
          CHECK (status IN ('NOT_STARTED', 'PROGRESSING', 'ACHIEVED', 'NOT_ACHIEVED')),
        added_in_version integer NOT NULL CHECK (added_in_version >= 1),
        removed_in_version integer CHECK (removed_in_version > added_in_version),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX plan_goal_plan_idx ON plan_goal (plan_id) WHERE removed_in_version IS NULL');
    await q.query('CREATE INDEX plan_goal_member_idx ON plan_goal (member_id)');
    await q.query(`
      CREATE TABLE plan_goal_version (
        plan_id uuid NOT NULL REFERENCES family_plan(id),
        plan_version integer NOT NULL CHECK (plan_version >= 1),
        goal_id uuid NOT NULL REFERENCES plan_goal(id),
        position smallint NOT NULL CHECK (position >= 0),
        member_id uuid REFERENCES person(id),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
        target_date date NOT NULL,
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, plan_version, goal_id),
        CONSTRAINT plan_goal_version_position_key UNIQUE (plan_id, plan_version, position)
      )`);
    await q.query(`
      CREATE TABLE goal_status_change (
        id bigserial PRIMARY KEY,
        goal_id uuid NOT NULL REFERENCES plan_goal(id),
        plan_id uuid NOT NULL REFERENCES family_plan(id),
        from_status text NOT NULL CHECK (from_status IN ('NOT_STARTED', 'PROGRESSING', 'ACHIEVED', 'NOT_ACHIEVED')),
        to_status text NOT NULL CHECK (to_status IN ('NOT_STARTED', 'PROGRESSING', 'ACHIEVED', 'NOT_ACHIEVED')),
        changed_on date NOT NULL,
        note text CHECK (length(note) <= 1000),
        follow_up_id uuid,
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_status <> to_status)
      )`);
    await q.query('CREATE INDEX goal_status_change_goal_idx ON goal_status_change (goal_id, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE goal_status_change');
    await q.query('DROP TABLE plan_goal_version');
    await q.query('DROP TABLE plan_goal');
    await q.query('DROP TABLE plan_phase');
    await q.query('DROP TABLE family_plan_version');
    await q.query('DROP TABLE family_plan');
  }
}
