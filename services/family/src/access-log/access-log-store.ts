import type { DataSource } from 'typeorm';
import type { CprVault } from '../cpr/cpr-vault';

/** Finds the persons a citizen is, by CPR number, for the data-protection officer's access log. */
export class AccessLogPersonStore {
  constructor(
    private readonly db: DataSource,
    private readonly vault: CprVault,
  ) {}

  /**
   * The ids of every person record with this CPR number in the municipality
   * (one per family the citizen is or was a member of; former members too, by
   * the keyed hash), oldest first.
   */
  async idsByCpr(municipalityCode: string, cprDigits: string): Promise<string[]> {
    const rows = (await this.db.query(
      'SELECT id FROM person WHERE municipality_code = $1 AND cpr_hash = $2 ORDER BY created_at, id',
      [municipalityCode, this.vault.hash(cprDigits)],
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }
}
