import { In, type DataSource } from 'typeorm';
import type { HistoryStore } from '@helhed/history';
import { PersonTimeline } from '../person/person-timeline';
import { EmploymentPeriodEntity } from './employment-period.entity';
import type { StoredEmploymentPeriod, ValidEmploymentPeriod } from './employment-period';

/** Employment periods' SQL: writes lock the person's timeline and keep a history row in the same transaction. */
export class EmploymentPeriodStore {
  private readonly timeline: PersonTimeline<EmploymentPeriodEntity>;

  constructor(
    private readonly db: DataSource,
    history: HistoryStore,
  ) {
    this.timeline = new PersonTimeline(
      db,
      history,
      EmploymentPeriodEntity,
      'EmploymentPeriod',
      'The period overlaps another employment period of the person',
    );
  }

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

  /** Adds a record once `decide` accepts it against the person's records as they are. */
  create(
    row: ValidEmploymentPeriod,
    owner: { municipalityCode: string; familyId: string; createdBy: string },
    decide: (existing: StoredEmploymentPeriod[]) => void,
  ): Promise<EmploymentPeriodEntity> {
    return this.timeline.add({ ...row, ...owner }, owner.createdBy, decide);
  }

  /** Ends a record after `decide` accepts the end date. */
  end(
    id: string,
    changedBy: string,
    decide: (current: EmploymentPeriodEntity) => { toDate: string },
  ): Promise<EmploymentPeriodEntity> {
    return this.timeline.change(id, 'END', changedBy, decide);
  }
}
