import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A project's grant, its budget lines and the spending per line and month. */
export class Grant1765100000002 implements MigrationInterface {
  name = 'Grant1765100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grant_award (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL,
        project_id uuid NOT NULL UNIQUE,
        amount_ore bigint NOT NULL CHECK (amount_ore >= 0),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        CHECK (ends_on >= starts_on)
      )`);
    await q.query(`
      CREATE TABLE grant_budget_line (
        grant_id uuid NOT NULL REFERENCES grant_award (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('PROJECT_LEAD', 'DEDICATED_CASEWORKER_TIME', 'COMPETENCE_DEVELOPMENT', 'PROCESS_SUPPORT')),
        amount_ore bigint NOT NULL CHECK (amount_ore >= 0),
        PRIMARY KEY (grant_id, kind)
      )`);
    await q.query(`
      CREATE TABLE grant_spending (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grant_id uuid NOT NULL REFERENCES grant_award (id),
        kind text NOT NULL,
        month char(7) NOT NULL,
        amount_ore bigint NOT NULL CHECK (amount_ore >= 0),
        note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX grant_spending_grant ON grant_spending (grant_id, month)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE grant_spending');
    await q.query('DROP TABLE grant_budget_line');
    await q.query('DROP TABLE grant_award');
  }
}
