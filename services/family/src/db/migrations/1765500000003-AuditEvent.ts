import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditCutTable, createAuditTable, dropAuditCutTable } from '@helhed/audit';

/** The audit log of reads and changes of persons' data in the family subgraph (append-only, hash-chained), and its retention cuts. */
export class AuditEvent1765500000003 implements MigrationInterface {
  name = 'AuditEvent1765500000003';

  async up(q: QueryRunner): Promise<void> {
    await createAuditTable(q);
    await createAuditCutTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAuditCutTable(q);
    await q.query('DROP TABLE audit_event');
    await q.query('DROP FUNCTION audit_event_append_only()');
  }
}
