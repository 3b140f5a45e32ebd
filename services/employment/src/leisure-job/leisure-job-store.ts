import { In, type DataSource } from 'typeorm';
import type { HistoryStore } from '@helhed/history';
import { lockPersonTimeline } from '../person/person-lock';
import { LeisureJobEntity } from './leisure-job.entity';
import type { ValidLeisureJob } from './leisure-job';

/** Leisure jobs' SQL, each change with its history row in the same transaction. */
export class LeisureJobStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  byIds(ids: readonly string[]): Promise<LeisureJobEntity[]> {
    return this.db.getRepository(LeisureJobEntity).findBy({ id: In([...ids]) });
  }

  /** The leisure jobs of many persons in one statement, within one municipality, by start date. */
  byPersonIds(municipalityCode: string, personIds: readonly string[]): Promise<LeisureJobEntity[]> {
    return this.db.getRepository(LeisureJobEntity).find({
      where: { municipalityCode, personId: In([...personIds]) },
      order: { startedOn: 'ASC', id: 'ASC' },
    });
  }

  async create(
    job: ValidLeisureJob,
    owner: { municipalityCode: string; familyId: string; createdBy: string },
  ): Promise<LeisureJobEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(LeisureJobEntity);
      const row = await repo.save(repo.create({ ...job, ...owner }));
      await this.history.record(tx, [
        {
          municipalityCode: row.municipalityCode,
          familyId: row.familyId,
          entity: 'LeisureJob',
          entityId: row.id,
          operation: 'CREATE',
          changedBy: owner.createdBy,
          after: row,
        },
      ]);
      return row;
    });
  }

  async end(
    id: string,
    changedBy: string,
    decide: (current: LeisureJobEntity) => { endedOn: string },
  ): Promise<LeisureJobEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(LeisureJobEntity);
      await lockPersonTimeline(tx, (await repo.findOneByOrFail({ id })).personId);
      const current = await repo.findOneByOrFail({ id });
      const { endedOn } = decide(current);
      await repo.update({ id }, { endedOn });
      const after = repo.create({ ...current, endedOn });
      await this.history.record(tx, [
        {
          municipalityCode: current.municipalityCode,
          familyId: current.familyId,
          entity: 'LeisureJob',
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
