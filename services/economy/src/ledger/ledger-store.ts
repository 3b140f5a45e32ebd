import { In, type DataSource } from 'typeorm';
import { CostEntryEntity } from './cost-entry.entity';
import type { DerivedEntry } from './derive';

/** Who wrote derived rows: the system, on behalf of the read that recomputed them. */
export const DERIVATION = 'economy:derivation';

export class LedgerStore {
  constructor(private readonly db: DataSource) {}

  /**
   * Brings the derived rows of some families and months in line with `derived`,
   * in one transaction and a fixed number of statements: rows no longer derived
   * are deleted, the rest upserted on their natural key (unchanged rows are not
   * touched, so recomputing a month is idempotent). Manual rows are never touched.
   */
  async syncDerived(
    municipalityCode: string,
    familyIds: readonly string[],
    months: readonly string[],
    derived: DerivedEntry[],
  ): Promise<void> {
    if (familyIds.length === 0 || months.length === 0) return;
    const col = <K extends keyof DerivedEntry>(k: K) => derived.map((d) => d[k]);
    await this.db.transaction(async (tx) => {
      await tx.query(
        `DELETE FROM cost_entry
         WHERE family_id = ANY($1::uuid[]) AND month = ANY($2::text[]) AND derived_key IS NOT NULL
           AND NOT (derived_key = ANY($3::text[]))`,
        [familyIds, months, col('derivedKey')],
      );
      if (derived.length === 0) return;
      await tx.query(
        `INSERT INTO cost_entry (municipality_code, family_id, person_id, department, cost_type, month, quantity_milli,
           unit, unit_price_ore, amount_ore, source, derived_from_id, price_id, derived_key, created_by)
         SELECT $1, u.*, $15 FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::bigint[],
           $8::text[], $9::bigint[], $10::bigint[], $11::text[], $12::uuid[], $13::uuid[], $14::text[]) AS u
         ON CONFLICT (derived_key) DO UPDATE SET
           department = EXCLUDED.department, cost_type = EXCLUDED.cost_type, quantity_milli = EXCLUDED.quantity_milli,
           unit = EXCLUDED.unit, unit_price_ore = EXCLUDED.unit_price_ore, amount_ore = EXCLUDED.amount_ore,
           updated_at = now()
         WHERE (cost_entry.department, cost_entry.cost_type, cost_entry.quantity_milli, cost_entry.unit,
                cost_entry.unit_price_ore, cost_entry.amount_ore)
           IS DISTINCT FROM (EXCLUDED.department, EXCLUDED.cost_type, EXCLUDED.quantity_milli, EXCLUDED.unit,
                EXCLUDED.unit_price_ore, EXCLUDED.amount_ore)`,
        [
          municipalityCode,
          col('familyId'),
          col('personId'),
          col('department'),
          col('costType'),
          col('month'),
          col('quantityMilli'),
          col('unit'),
          col('unitPriceOre'),
          col('amountOre'),
          col('source'),
          col('derivedFromId'),
          col('priceId'),
          col('derivedKey'),
          DERIVATION,
        ],
      );
    });
  }

  /** Every ledger row of some families in some months, in one statement. */
  entries(municipalityCode: string, familyIds: readonly string[], months: readonly string[]) {
    if (familyIds.length === 0 || months.length === 0) return Promise.resolve([]);
    return this.db.getRepository(CostEntryEntity).find({
      where: { municipalityCode, familyId: In([...familyIds]), month: In([...months]) },
      order: { month: 'ASC', department: 'ASC', costType: 'ASC', id: 'ASC' },
    });
  }

  addManual(row: Partial<CostEntryEntity>) {
    const repo = this.db.getRepository(CostEntryEntity);
    return repo.save(repo.create({ ...row, source: 'MANUAL', derivedKey: null }));
  }

  /** A manual entry of the municipality by id, or null (derived entries are not manual). */
  manualById(municipalityCode: string, id: string): Promise<CostEntryEntity | null> {
    return this.db.getRepository(CostEntryEntity).findOneBy({ id, municipalityCode, source: 'MANUAL' });
  }

  async removeManual(municipalityCode: string, id: string): Promise<boolean> {
    const result = await this.db.getRepository(CostEntryEntity).delete({ id, municipalityCode, source: 'MANUAL' });
    return (result.affected ?? 0) > 0;
  }
}
