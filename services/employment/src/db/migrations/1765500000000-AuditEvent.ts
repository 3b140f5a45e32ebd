import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditTable } from '@helhed/audit';

/** The audit log of reads and changes of persons' employment data (append-only, hash-chained). */
export class AuditEvent1765500000000 implements MigrationInterface {
  name = 'AuditEvent1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await createAuditTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_event');
    await q.query('DROP FUNCTION audit_event_append_only()');
  }
}
