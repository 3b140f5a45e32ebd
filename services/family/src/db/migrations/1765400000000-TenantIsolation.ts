import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantIsolation, enableTenantIsolation } from '@helhed/db';

/**
 * The tenancy wall (see README): row-level security keyed on
 * `municipality_code`, FORCEd, on every tenant-owned table of the family service.
 * A table added later enables it in its own migration (a test fails otherwise).
 * `municipality` (the list of municipalities: code and name, no person's data) and
 * `migrations` have no municipality column and stay outside the wall.
 */
export const TENANT_TABLES = [
  'assessment',
  'assessment_finding',
  'assessment_participant',
  'assessment_version',
  'caseworker',
  'change_record',
  'civil_society_participation',
  'civil_society_partner',
  'consent',
  'contact_person_assignment',
  'custody',
  'family',
  'family_plan',
  'family_plan_version',
  'family_registration',
  'family_team_member',
  'follow_up',
  'follow_up_goal_progress',
  'follow_up_participant',
  'goal_status_change',
  'legal_basis',
  'milestone',
  'person',
  'plan_activity',
  'plan_activity_member',
  'plan_goal',
  'plan_goal_version',
  'plan_phase',
  'project',
  'project_enrolment',
  'registration_setting',
  'risk',
  'sdq_norm_band',
] as const;

/** The published SDQ norms (municipality_code NULL) are read by every municipality. */
const SHARED = new Set<string>(['sdq_norm_band']);

export class TenantIsolation1765400000000 implements MigrationInterface {
  name = 'TenantIsolation1765400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) await enableTenantIsolation(q, table, { sharedWhereNull: SHARED.has(table) });
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) await disableTenantIsolation(q, table);
  }
}
