import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who pays a price and the municipality's share after reimbursement; the cost
 * ledger, whose derived rows have a natural key (`derived_key`) so that
 * recomputing a month updates them in place instead of adding rows.
 */
export class CostLedger1765100000000 implements MigrationInterface {
  name = 'CostLedger1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE price_catalogue_entry
        ADD COLUMN payer text NOT NULL DEFAULT 'MUNICIPALITY' CHECK (payer IN ('MUNICIPALITY', 'REGION', 'STATE')),
        ADD COLUMN municipality_share_basis_points integer NOT NULL DEFAULT 10000
          CHECK (municipality_share_basis_points BETWEEN 0 AND 10000),
        ADD COLUMN is_example boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE cost_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code char(3) NOT NULL,
        family_id uuid NOT NULL,
        person_id uuid,
        department text NOT NULL CHECK (department IN ('FAMILY', 'JOBCENTER', 'HEALTH', 'ECONOMY')),
        cost_type text NOT NULL,
        month char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        quantity_milli bigint NOT NULL CHECK (quantity_milli >= 0),
        unit text NOT NULL,
        unit_price_ore bigint NOT NULL CHECK (unit_price_ore >= 0),
        amount_ore bigint NOT NULL,
        source text NOT NULL CHECK (source IN ('DERIVED_ACTIVITY', 'DERIVED_BENEFIT', 'MANUAL')),
        derived_from_id uuid,
        price_id uuid REFERENCES price_catalogue_entry (id),
        derived_key text UNIQUE,
        note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cost_entry_derived_has_key CHECK ((source = 'MANUAL') = (derived_key IS NULL))
      )`);
    await q.query('CREATE INDEX cost_entry_family_month ON cost_entry (family_id, month)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE cost_entry');
    await q.query(
      'ALTER TABLE price_catalogue_entry DROP COLUMN payer, DROP COLUMN municipality_share_basis_points, DROP COLUMN is_example',
    );
  }
}
