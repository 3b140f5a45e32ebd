import { In, type DataSource } from 'typeorm';
import type { HistoryStore } from '@helhed/history';
import { PersonTimeline } from '../person/person-timeline';
import { LeisureJobEntity } from './leisure-job.entity';
import type { ValidLeisureJob } from './leisure-job';

/** Leisure jobs' SQL, each change with its history row in the same transaction. */
export class LeisureJobStore {
  private readonly timeline: PersonTimeline<LeisureJobEntity>;

  constructor(
    private readonly db: DataSource,
    history: HistoryStore,
  ) {
    this.timeline = new PersonTimeline(db, history, LeisureJobEntity, 'LeisureJob');
  }

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

  /** Adds a leisure job, with its history row. */
  create(
    row: ValidLeisureJob,
    owner: { municipalityCode: string; familyId: string; createdBy: string },
  ): Promise<LeisureJobEntity> {
    return this.timeline.add({ ...row, ...owner }, owner.createdBy);
  }

  /** Ends a record after `decide` accepts the end date. */
  end(
    id: string,
    changedBy: string,
    decide: (current: LeisureJobEntity) => { endedOn: string },
  ): Promise<LeisureJobEntity> {
    return this.timeline.change(id, 'END', changedBy, decide);
  }
}
