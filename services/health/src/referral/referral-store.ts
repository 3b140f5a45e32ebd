import { In, type DataSource } from 'typeorm';
import type { HistoryStore } from '@helhed/history';
import { ReferralEntity } from './referral.entity';
import type { ReferralCourse, ValidReferral } from './referral';

/** Referrals' SQL: each change is written with its history row in the same transaction. */
export class ReferralStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  byIds(ids: readonly string[]): Promise<ReferralEntity[]> {
    return this.db.getRepository(ReferralEntity).findBy({ id: In([...ids]) });
  }

  /** The referrals of many persons in one statement, within one municipality, newest first. */
  byPersonIds(municipalityCode: string, personIds: readonly string[]): Promise<ReferralEntity[]> {
    return this.db.getRepository(ReferralEntity).find({
      where: { municipalityCode, personId: In([...personIds]) },
      order: { sentOn: 'DESC', createdAt: 'DESC', id: 'ASC' },
    });
  }

  create(
    referral: ValidReferral,
    owner: { municipalityCode: string; familyId: string; createdBy: string },
  ): Promise<ReferralEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(ReferralEntity);
      const row = await repo.save(repo.create({ ...referral, ...owner }));
      await this.history.record(tx, [
        {
          municipalityCode: row.municipalityCode,
          familyId: row.familyId,
          entity: 'Referral',
          entityId: row.id,
          operation: 'CREATE',
          changedBy: owner.createdBy,
          after: row,
        },
      ]);
      return row;
    });
  }

  /** Changes a referral's course after `decide` accepts it, the row locked meanwhile. */
  update(id: string, changedBy: string, decide: (current: ReferralEntity) => ReferralCourse): Promise<ReferralEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(ReferralEntity);
      const current = await repo.findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
      const { acceptedOn, firstAppointmentOn, closedOn, closeReason } = decide(current);
      const change = { acceptedOn, firstAppointmentOn, closedOn, closeReason };
      await repo.update({ id }, change);
      const after = repo.create({ ...current, ...change });
      await this.history.record(tx, [
        {
          municipalityCode: current.municipalityCode,
          familyId: current.familyId,
          entity: 'Referral',
          entityId: id,
          operation: 'UPDATE',
          changedBy,
          before: current,
          after,
        },
      ]);
      return after;
    });
  }
}
