import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A secret per project for the evaluators' keyed pseudonyms; never leaves the family subgraph. */
export class EvaluatorProjectKey1765600000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evaluator_project_key (
        project_id uuid PRIMARY KEY REFERENCES project(id),
        secret bytea NOT NULL CHECK (length(secret) = 32),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evaluator_project_key`);
  }
}
