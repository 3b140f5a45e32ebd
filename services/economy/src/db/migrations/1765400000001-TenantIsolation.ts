import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantIsolation, enableTenantIsolation, TENANT_SETTING } from '@helhed/db';

/**
 * The tenancy wall (see README) on every tenant-owned table of the economy
 * service. A grant's budget lines and spending had no municipality of their
 * own (they hang off `grant_award`); they get one, filled from their grant
 * and defaulting to the request's municipality, so the same policy guards
 * them and no store has to change.
 */
export const TENANT_TABLES = [
  'price_catalogue_entry',
  'cost_entry',
  'investment_case',
  'grant_award',
  'grant_budget_line',
  'grant_spending',
] as const;

const CHILDREN = ['grant_budget_line', 'grant_spending'] as const;

export class TenantIsolation1765400000001 implements MigrationInterface {
  name = 'TenantIsolation1765400000001';

  async up(q: QueryRunner): Promise<void> {
    for (const table of CHILDREN) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN municipality_code char(3)`);
      await q.query(
        `UPDATE ${table} c SET municipality_code = g.municipality_code FROM grant_award g WHERE g.id = c.grant_id`,
      );
      await q.query(
        `ALTER TABLE ${table} ALTER COLUMN municipality_code SET DEFAULT current_setting('${TENANT_SETTING}', true)`,
      );
      await q.query(`ALTER TABLE ${table} ALTER COLUMN municipality_code SET NOT NULL`);
      // Outside a tenant scope the setting is '' : such a row is refused rather than stored blank.
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_municipality CHECK (municipality_code ~ '^[0-9]{3}$')`,
      );
    }
    for (const table of TENANT_TABLES) await enableTenantIsolation(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) await disableTenantIsolation(q, table);
    for (const table of CHILDREN) await q.query(`ALTER TABLE ${table} DROP COLUMN municipality_code`);
  }
}
