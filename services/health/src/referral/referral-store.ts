import { In, type DataSource } from 'typeorm';
import type { HistoryStore } from '@helhed/history';
import { ReferralEntity } from './referral.entity';
import type { ReferralCourse, ValidReferral } from './referral';
import type { PersonPageQuery } from '../person/person-page';

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

  /**
   * A page of each person's referrals in one statement, within one municipality,
   * newest first (by sending date, then id): at most `limit` per person.
   */
  pageByPersonIds(municipalityCode: string, page: PersonPageQuery): Promise<ReferralEntity[]> {
    const after = page.after ? 'AND (sent_on, id) < (:afterDate::date, :afterId::uuid)' : '';
    return this.db
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .where(
        `r.id IN (SELECT id FROM (
          SELECT id, row_number() OVER (PARTITION BY person_id ORDER BY sent_on DESC, id DESC) AS n
          FROM referral
          WHERE municipality_code = :municipalityCode AND person_id IN (:...personIds) ${after}) ranked
        WHERE n <= :limit)`,
        {
          municipalityCode,
          personIds: page.personIds,
          limit: page.limit,
          afterDate: page.after?.[0],
          afterId: page.after?.[1],
        },
      )
      .orderBy('r.sent_on', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .getMany();
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
