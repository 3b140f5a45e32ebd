import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditCutTable, dropAuditCutTable } from '@helhed/audit';

/** The audit retention cuts: the anchor the chain starts at once the oldest rows are deleted. */
export class AuditCut1765500000001 implements MigrationInterface {
  name = 'AuditCut1765500000001';

  async up(q: QueryRunner): Promise<void> {
    await createAuditCutTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAuditCutTable(q);
  }
}
