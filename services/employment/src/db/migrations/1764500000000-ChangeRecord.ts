import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The employment service's history of changes (`@helhed/history`), as in the
 * family service but without foreign keys: municipalities and families live in
 * the family subgraph's database.
 */
export class ChangeRecord1764500000000 implements MigrationInterface {
  name = 'ChangeRecord1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE change_record (
        id bigserial PRIMARY KEY,
        municipality_code char(3) NOT NULL,
        family_id uuid,
        entity text NOT NULL,
        entity_id text NOT NULL,
        operation text NOT NULL,
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        before jsonb,
        after jsonb,
        reason text
      )`);
    await q.query('CREATE INDEX change_record_family_idx ON change_record (family_id, id DESC)');
    await q.query('CREATE INDEX change_record_entity_idx ON change_record (entity, entity_id, id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE change_record');
  }
}
