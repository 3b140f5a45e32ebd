import { In, type DataSource } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import type { HistoryStore } from '@helhed/history';
import { BenefitPeriodEntity } from './benefit-period.entity';
import type { StoredBenefitPeriod, ValidBenefitPeriod } from './benefit-period';
import { isExclusionViolation, lockPersonTimeline } from '../person/person-lock';

const OVERLAP = 'The period overlaps another benefit period of the person';

/**
 * Benefit periods' SQL. Writes lock the person's timeline, let the domain rules
 * decide on the person's periods as they are, and write the change with its
 * history row in the same transaction.
 */
export class BenefitPeriodStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  byIds(ids: readonly string[]): Promise<BenefitPeriodEntity[]> {
    return this.db.getRepository(BenefitPeriodEntity).findBy({ id: In([...ids]) });
  }

  /** The periods of many persons in one statement, within one municipality, oldest first. */
  byPersonIds(municipalityCode: string, personIds: readonly string[]): Promise<BenefitPeriodEntity[]> {
    return this.db.getRepository(BenefitPeriodEntity).find({
      where: { municipalityCode, personId: In([...personIds]) },
      order: { fromDate: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  async create(
    period: ValidBenefitPeriod,
    owner: { municipalityCode: string; familyId: string; recordedBy: string },
    decide: (existing: StoredBenefitPeriod[]) => void,
  ): Promise<BenefitPeriodEntity> {
    try {
      return await this.db.transaction(async (tx) => {
        await lockPersonTimeline(tx, period.personId);
        const repo = tx.getRepository(BenefitPeriodEntity);
        decide(await repo.findBy({ personId: period.personId }));
        const row = await repo.save(repo.create({ ...period, ...owner }));
        await this.history.record(tx, [
          {
            municipalityCode: row.municipalityCode,
            familyId: row.familyId,
            entity: 'BenefitPeriod',
            entityId: row.id,
            operation: 'CREATE',
            changedBy: owner.recordedBy,
            after: row,
          },
        ]);
        return row;
      });
    } catch (error) {
      if (isExclusionViolation(error)) throw new UserInputError('input.from', OVERLAP);
      throw error;
    }
  }

  /** Ends a period after `decide` accepts the end date. */
  async end(
    id: string,
    changedBy: string,
    decide: (current: BenefitPeriodEntity) => { toDate: string },
  ): Promise<BenefitPeriodEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(BenefitPeriodEntity);
      const found = await repo.findOneByOrFail({ id });
      await lockPersonTimeline(tx, found.personId);
      const current = await repo.findOneByOrFail({ id });
      const { toDate } = decide(current);
      await repo.update({ id }, { toDate });
      const after = repo.create({ ...current, toDate });
      await this.history.record(tx, [
        {
          municipalityCode: current.municipalityCode,
          familyId: current.familyId,
          entity: 'BenefitPeriod',
          entityId: id,
          operation: 'END',
          changedBy,
          before: current,
          after,
        },
      ]);
      return after;
    });
  }
}
