import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createChangeRecordTable } from '@helhed/history';

/**
 * The health service's history of changes (`@helhed/history`), without foreign
 * keys: municipalities and families live in the family subgraph's database.
 */
export class ChangeRecord1764800000000 implements MigrationInterface {
  name = 'ChangeRecord1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await createChangeRecordTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE change_record');
  }
}
