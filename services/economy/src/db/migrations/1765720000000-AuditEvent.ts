import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditCutTable, createAuditTable, dropAuditCutTable } from '@helhed/audit';

/**
 * The audit log of reads of families' and persons' costs in the economy subgraph (append-only,
 * hash-chained), and its retention cuts. Like the other subgraphs' audit logs it is not behind the
 * tenancy wall (its chain runs across municipalities); the application role may only SELECT and INSERT.
 */
export class AuditEvent1765720000000 implements MigrationInterface {
  name = 'AuditEvent1765720000000';

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
