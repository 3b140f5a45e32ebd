import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-ups (*opfølgning*) on the plan or on one activity: planned, then held
 * with an outcome, participants and the progress of goals.
 */
export class FollowUp1764300000004 implements MigrationInterface {
  name = 'FollowUp1764300000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE follow_up (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        plan_id uuid NOT NULL REFERENCES family_plan(id),
        activity_id uuid REFERENCES plan_activity(id),
        planned_on date NOT NULL,
        held_on date,
        outcome text CHECK (length(outcome) BETWEEN 1 AND 4000),
        other_participants text[] NOT NULL DEFAULT '{}',
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((held_on IS NULL) = (outcome IS NULL))
      )`);
    await q.query('CREATE INDEX follow_up_plan_idx ON follow_up (plan_id, planned_on) WHERE activity_id IS NULL');
    await q.query('CREATE INDEX follow_up_activity_idx ON follow_up (activity_id, planned_on)');
    await q.query(
      'CREATE INDEX follow_up_held_idx ON follow_up (plan_id, activity_id, held_on DESC) WHERE held_on IS NOT NULL',
    );
    await q.query(`
      CREATE TABLE follow_up_participant (
        id bigserial PRIMARY KEY,
        follow_up_id uuid NOT NULL REFERENCES follow_up(id),
        caseworker_id uuid NOT NULL REFERENCES caseworker(id),
        position smallint NOT NULL CHECK (position >= 0),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        removed_by text,
        CHECK ((removed_at IS NULL) = (removed_by IS NULL))
      )`);
    await q.query(
      'CREATE UNIQUE INDEX follow_up_participant_current_key ON follow_up_participant (follow_up_id, caseworker_id) WHERE removed_at IS NULL',
    );
    await q.query(`
      CREATE TABLE follow_up_goal_progress (
        follow_up_id uuid NOT NULL REFERENCES follow_up(id),
        goal_id uuid NOT NULL REFERENCES plan_goal(id),
        status text NOT NULL CHECK (status IN ('NOT_STARTED', 'PROGRESSING', 'ACHIEVED', 'NOT_ACHIEVED')),
        note text CHECK (length(note) <= 1000),
        position smallint NOT NULL CHECK (position >= 0),
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid NOT NULL REFERENCES family(id),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (follow_up_id, goal_id)
      )`);
    await q.query('CREATE INDEX follow_up_goal_progress_goal_idx ON follow_up_goal_progress (goal_id)');
    await q.query(
      'ALTER TABLE goal_status_change ADD CONSTRAINT goal_status_change_follow_up_fkey FOREIGN KEY (follow_up_id) REFERENCES follow_up(id)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE goal_status_change DROP CONSTRAINT goal_status_change_follow_up_fkey');
    await q.query('DROP TABLE follow_up_goal_progress');
    await q.query('DROP TABLE follow_up_participant');
    await q.query('DROP TABLE follow_up');
  }
}
