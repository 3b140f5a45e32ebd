import { In, type DataSource } from 'typeorm';
import type { HistoryStore } from '@helhed/history';
import { now } from '../dates';
import { RegistrationConfirmationEntity } from './registration-confirmation.entity';
import type { Corrections, RegistrationValues } from './registration';

/** The confirmations' SQL: a confirmation and its history row in one transaction. */
export class RegistrationStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  /** The confirmations of many (person, month) keys `personId|month`, within one municipality. */
  async byKeys(municipalityCode: string, keys: readonly string[]): Promise<RegistrationConfirmationEntity[]> {
    const personIds = [...new Set(keys.map((k) => k.split('|')[0]!))];
    const rows = await this.db
      .getRepository(RegistrationConfirmationEntity)
      .findBy({ municipalityCode, personId: In(personIds) });
    return rows.filter((r) => keys.includes(`${r.personId}|${r.month}`));
  }

  /** Every confirmed month of many persons, within one municipality, oldest first. */
  byPersonIds(municipalityCode: string, personIds: readonly string[]): Promise<RegistrationConfirmationEntity[]> {
    return this.db
      .getRepository(RegistrationConfirmationEntity)
      .find({ where: { municipalityCode, personId: In([...personIds]) }, order: { month: 'ASC' } });
  }

  /** Confirms a person's month: inserts, or replaces an earlier confirmation (kept in the history). */
  confirm(
    row: { municipalityCode: string; personId: string; familyId: string; month: string },
    values: { derived: RegistrationValues; corrections: Corrections },
    confirmedBy: string,
  ): Promise<RegistrationConfirmationEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(RegistrationConfirmationEntity);
      const key = { municipalityCode: row.municipalityCode, personId: row.personId, month: row.month };
      // Serialises confirmations of the same person and month.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`registration:${row.personId}:${row.month}`]);
      const before = await repo.findOneBy(key);
      // From the platform's clock, not PostgreSQL's: the first confirmation's created_at is what `onTime`
      // compares with the deadline, and the deadline is reckoned from the clock's today.
      const confirmedAt = now();
      if (before) await repo.update({ id: before.id }, { ...values, familyId: row.familyId, confirmedBy, confirmedAt });
      else
        await repo.insert({
          ...row,
          ...values,
          confirmedBy,
          confirmedAt,
          createdBy: confirmedBy,
          createdAt: confirmedAt,
        });
      const after = await repo.findOneByOrFail(key);
      await this.history.record(tx, [
        {
          municipalityCode: row.municipalityCode,
          familyId: row.familyId,
          entity: 'EmploymentRegistration',
          entityId: after.id,
          operation: before ? 'RECONFIRM' : 'CONFIRM',
          changedBy: confirmedBy,
          before,
          after,
        },
      ]);
      return after;
    });
  }
}
