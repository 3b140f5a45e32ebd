import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addAuditCriterion, dropAuditCriterion } from '@helhed/audit';

/**
 * A search's criterion (CPR numbers masked) on economy's audit rows, as in the other
 * subgraphs: `appendAuditEvents` writes it; older rows keep NULL and verify as before.
 */
export class AuditCriterion1765750000000 implements MigrationInterface {
  name = 'AuditCriterion1765750000000';

  async up(q: QueryRunner): Promise<void> {
    await addAuditCriterion(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAuditCriterion(q);
  }
}
