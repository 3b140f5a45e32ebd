import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The change history every module writes to, and custody of children. */
export class HistoryAndCustody1764000000000 implements MigrationInterface {
  name = 'HistoryAndCustody1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE change_record (
        id bigserial PRIMARY KEY,
        municipality_code char(3) NOT NULL REFERENCES municipality(code),
        family_id uuid REFERENCES family(id),
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
    await q.query(`
      CREATE TABLE custody (
        child_id uuid NOT NULL REFERENCES person(id),
        holder_id uuid NOT NULL REFERENCES person(id),
        family_id uuid NOT NULL REFERENCES family(id),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (child_id, holder_id),
        CHECK (child_id <> holder_id)
      )`);
    await q.query('CREATE INDEX custody_holder_idx ON custody (holder_id)');
    await q.query('CREATE INDEX custody_family_idx ON custody (family_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE custody');
    await q.query('DROP TABLE change_record');
  }
}
