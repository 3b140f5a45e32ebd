import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person receives one benefit at a time: an EXCLUDE constraint refuses two
 * periods of the same person sharing a day (inclusive dates, an open end is
 * ongoing), behind the domain rule checked under the person's lock. Periods
 * keep the person's family for the history.
 */
export class BenefitPeriodOverlap1764500000001 implements MigrationInterface {
  name = 'BenefitPeriodOverlap1764500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await q.query('ALTER TABLE benefit_period ADD COLUMN family_id uuid');
    await q.query(`
      ALTER TABLE benefit_period ADD CONSTRAINT benefit_period_no_overlap
        EXCLUDE USING gist (person_id WITH =, daterange(from_date, to_date, '[]') WITH &&)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE benefit_period DROP CONSTRAINT benefit_period_no_overlap');
    await q.query('ALTER TABLE benefit_period DROP COLUMN family_id');
  }
}
