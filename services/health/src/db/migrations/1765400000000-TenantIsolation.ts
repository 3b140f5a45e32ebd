import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantIsolation, enableTenantIsolation } from '@helhed/db';

/**
 * The tenancy wall (see README): row-level security keyed on
 * `municipality_code`, FORCEd, on every tenant-owned table of the health service.
 * A table added later enables it in its own migration (a test fails otherwise).
 * `audit_event` is not behind the wall yet: its hash chain runs across
 * municipalities (`appendAuditEvents` reads the last row of any municipality),
 * so a tenant-scoped read would fork the chain. The application role may only
 * SELECT and INSERT it (see `grantApplicationRole`). `migrations` has no
 * municipality column.
 */
export const TENANT_TABLES = [
  'change_record',
  'health_assessment',
  'health_indicators',
  'referral',
  'treatment_details',
] as const;

export class TenantIsolation1765400000000 implements MigrationInterface {
  name = 'TenantIsolation1765400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) await enableTenantIsolation(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) await disableTenantIsolation(q, table);
  }
}
