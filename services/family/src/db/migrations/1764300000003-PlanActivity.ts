import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The plan's activities: what each department does with which members, in the
 * sector law's terms (jobplan, handleplan, behandlingsplan, uddannelsesplan).
 * The members an activity concerns are link rows, ended softly (`removed_at`).
 */
export class PlanActivity1764300000003 implements MigrationInterface {
  name = 'PlanActivity1764300000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan_activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        plan_id uuid NOT NULL REFERENCES family_plan(id),
        department text NOT NULL CHECK (department IN ('FAMILY', 'JOBCENTER', 'HEALTH', 'ECONOMY')),
        sector_plan_kind text NOT NULL
          CHECK (sector_plan_kind IN ('JOBPLAN', 'HANDLEPLAN', 'BEHANDLINGSPLAN', 'UDDANNELSESPLAN', 'OTHER')),
        goal_id uuid REFERENCES plan_goal(id),
        offer_description text NOT NULL CHECK (length(offer_description) BETWEEN 1 AND 2000),
        starts_on date NOT NULL,
        ends_on date,
        hours_per_week numeric(4,1) NOT NULL CHECK (hours_per_week BETWEEN 0 AND 60),
        responsible_caseworker_id uuid NOT NULL REFERENCES caseworker(id),
        follow_up_cadence_weeks smallint NOT NULL CHECK (follow_up_cadence_weeks BETWEEN 1 AND 52),
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
        status_reason text CHECK (length(status_reason) <= 1000),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on IS NULL OR ends_on >= starts_on),
        CHECK (status <> 'CANCELLED' OR status_reason IS NOT NULL)
      )`);
    await q.query('CREATE INDEX plan_activity_plan_idx ON plan_activity (plan_id, starts_on)');
    await q.query('CREATE INDEX plan_activity_goal_idx ON plan_activity (goal_id)');
    await q.query(
      'CREATE INDEX plan_activity_responsible_idx ON plan_activity (municipality_code, responsible_caseworker_id, status)',
    );
    await q.query(`
      CREATE TABLE plan_activity_member (
        id bigserial PRIMARY KEY,
        activity_id uuid NOT NULL REFERENCES plan_activity(id),
        person_id uuid NOT NULL REFERENCES person(id),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        removed_by text,
        CHECK ((removed_at IS NULL) = (removed_by IS NULL))
      )`);
    await q.query(
      'CREATE UNIQUE INDEX plan_activity_member_current_key ON plan_activity_member (activity_id, person_id) WHERE removed_at IS NULL',
    );
    await q.query(
      'CREATE INDEX plan_activity_member_person_idx ON plan_activity_member (person_id) WHERE removed_at IS NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE plan_activity_member');
    await q.query('DROP TABLE plan_activity');
  }
}
