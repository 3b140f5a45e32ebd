import { In, type DataSource } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import type { HistoryStore } from '@helhed/history';
import { isExclusionViolation, lockPersonTimeline } from '../person/person-lock';
import { EmploymentPeriodEntity } from './employment-period.entity';
import type { StoredEmploymentPeriod, ValidEmploymentPeriod } from './employment-period';

/** Employment periods' SQL: writes lock the person's timeline and keep a history row in the same transaction. */
export class EmploymentPeriodStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  byIds(ids: readonly string[]): Promise<EmploymentPeriodEntity[]> {
    return this.db.getRepository(EmploymentPeriodEntity).findBy({ id: In([...ids]) });
  }

  /** The periods of many persons in one statement, within one municipality, oldest first. */
  byPersonIds(municipalityCode: string, personIds: readonly string[]): Promise<EmploymentPeriodEntity[]> {
    return this.db.getRepository(EmploymentPeriodEntity).find({
      where: { municipalityCode, personId: In([...personIds]) },
      order: { fromDate: 'ASC', id: 'ASC' },
    });
  }

  async create(
    period: ValidEmploymentPeriod,
    owner: { municipalityCode: string; familyId: string; createdBy: string },
    decide: (existing: StoredEmploymentPeriod[]) => void,
  ): Promise<EmploymentPeriodEntity> {
    try {
      return await this.db.transaction(async (tx) => {
        await lockPersonTimeline(tx, period.personId);
        const repo = tx.getRepository(EmploymentPeriodEntity);
        decide(await repo.findBy({ personId: period.personId }));
        const row = await repo.save(repo.create({ ...period, ...owner }));
        await this.history.record(tx, [
          {
            municipalityCode: row.municipalityCode,
            familyId: row.familyId,
            entity: 'EmploymentPeriod',
            entityId: row.id,
            operation: 'CREATE',
            changedBy: owner.createdBy,
            after: row,
          },
        ]);
        return row;
      });
    } catch (error) {
      if (isExclusionViolation(error)) {
        throw new UserInputError('input.from', 'The period overlaps another employment period of the person');
      }
      throw error;
    }
  }

  async end(
    id: string,
    changedBy: string,
    decide: (current: EmploymentPeriodEntity) => { toDate: string },
  ): Promise<EmploymentPeriodEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(EmploymentPeriodEntity);
      await lockPersonTimeline(tx, (await repo.findOneByOrFail({ id })).personId);
      const current = await repo.findOneByOrFail({ id });
      const { toDate } = decide(current);
      await repo.update({ id }, { toDate });
      const after = repo.create({ ...current, toDate });
      await this.history.record(tx, [
        {
          municipalityCode: current.municipalityCode,
          familyId: current.familyId,
          entity: 'EmploymentPeriod',
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
