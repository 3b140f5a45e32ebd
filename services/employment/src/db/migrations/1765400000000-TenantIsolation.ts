import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantIsolation, enableTenantIsolation } from '@helhed/db';

/**
 * The tenancy wall (see README): row-level security keyed on
 * `municipality_code`, FORCEd, on every tenant-owned table of the employment service.
 * A table added later enables it in its own migration (a test fails otherwise).
 * `migrations` has no municipality column and stays outside the wall.
 */
export const TENANT_TABLES = [
  'benefit_period',
  'change_record',
  'company',
  'education_enrolment',
  'employment_period',
  'employment_registration_confirmation',
  'leisure_job',
  'offer_attendance_week',
  'offer_participation',
  'partnership_agreement',
  'target_group_assignment',
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
