import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The price catalogue; overlapping validity of one cost type and unit is impossible by constraint. */
export class PriceCatalogue1763800000000 implements MigrationInterface {
  name = 'PriceCatalogue1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await q.query(`
      CREATE TABLE price_catalogue_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
        cost_type text NOT NULL CHECK (cost_type ~ '^[A-Z][A-Z0-9_]{1,59}$'),
        unit text NOT NULL CHECK (unit IN ('MONTH', 'WEEK', 'DAY', 'HOUR', 'SESSION', 'CASE')),
        price_ore bigint NOT NULL CHECK (price_ore >= 0),
        valid_from date NOT NULL,
        valid_to date,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT price_catalogue_entry_valid_range CHECK (valid_to IS NULL OR valid_to >= valid_from),
        CONSTRAINT price_catalogue_entry_no_overlap EXCLUDE USING gist (
          municipality_code WITH =, cost_type WITH =, unit WITH =,
          daterange(valid_from, valid_to, '[]') WITH &&
        )
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE price_catalogue_entry');
  }
}
