import { In, type DataSource } from 'typeorm';
import type { HistoryStore } from '@helhed/history';
import { EducationEnrolmentEntity } from './education-enrolment.entity';
import type { ValidEducationEnrolment } from './education';

/** Education enrolments' SQL, each change with its history row in the same transaction. */
export class EducationStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  byIds(ids: readonly string[]): Promise<EducationEnrolmentEntity[]> {
    return this.db.getRepository(EducationEnrolmentEntity).findBy({ id: In([...ids]) });
  }

  /** The enrolments of many persons in one statement, within one municipality, by start date. */
  byPersonIds(municipalityCode: string, personIds: readonly string[]): Promise<EducationEnrolmentEntity[]> {
    return this.db.getRepository(EducationEnrolmentEntity).find({
      where: { municipalityCode, personId: In([...personIds]) },
      order: { startedOn: 'ASC', id: 'ASC' },
    });
  }

  async create(
    enrolment: ValidEducationEnrolment,
    owner: { municipalityCode: string; familyId: string; createdBy: string },
  ): Promise<EducationEnrolmentEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(EducationEnrolmentEntity);
      const row = await repo.save(repo.create({ ...enrolment, ...owner, outcome: null, outcomeOn: null }));
      await this.history.record(tx, [
        {
          municipalityCode: row.municipalityCode,
          familyId: row.familyId,
          entity: 'EducationEnrolment',
          entityId: row.id,
          operation: 'CREATE',
          changedBy: owner.createdBy,
          after: row,
        },
      ]);
      return row;
    });
  }

  /** Records the outcome after `decide` accepts it, on the row locked against a concurrent outcome. */
  async recordOutcome(
    id: string,
    changedBy: string,
    decide: (current: EducationEnrolmentEntity) => Pick<EducationEnrolmentEntity, 'outcome' | 'outcomeOn'>,
  ): Promise<EducationEnrolmentEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(EducationEnrolmentEntity);
      const current = await repo.findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
      const change = decide(current);
      await repo.update({ id }, change);
      const after = repo.create({ ...current, ...change });
      await this.history.record(tx, [
        {
          municipalityCode: current.municipalityCode,
          familyId: current.familyId,
          entity: 'EducationEnrolment',
          entityId: id,
          operation: change.outcome === 'COMPLETED' ? 'COMPLETE' : 'DROP_OUT',
          changedBy,
          before: current,
          after,
        },
      ]);
      return after;
    });
  }
}
