import { In, type DataSource } from 'typeorm';
import type { HistoryStore } from '@helhed/history';
import { PersonTimeline } from '../person/person-timeline';
import { BenefitPeriodEntity } from './benefit-period.entity';
import type { StoredBenefitPeriod, ValidBenefitPeriod } from './benefit-period';

const OVERLAP = 'The period overlaps another benefit period of the person';

/**
 * Benefit periods' SQL. Writes lock the person's timeline, let the domain rules
 * decide on the person's periods as they are, and write the change with its
 * history row in the same transaction.
 */
export class BenefitPeriodStore {
  private readonly timeline: PersonTimeline<BenefitPeriodEntity>;

  constructor(
    private readonly db: DataSource,
    history: HistoryStore,
  ) {
    this.timeline = new PersonTimeline(db, history, BenefitPeriodEntity, 'BenefitPeriod', OVERLAP);
  }

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

  /** Adds a record once `decide` accepts it against the person's records as they are. */
  create(
    row: ValidBenefitPeriod,
    owner: { municipalityCode: string; familyId: string; recordedBy: string },
    decide: (existing: StoredBenefitPeriod[]) => void,
  ): Promise<BenefitPeriodEntity> {
    return this.timeline.add({ ...row, ...owner }, owner.recordedBy, decide);
  }

  /** Ends a record after `decide` accepts the end date. */
  end(
    id: string,
    changedBy: string,
    decide: (current: BenefitPeriodEntity) => { toDate: string },
  ): Promise<BenefitPeriodEntity> {
    return this.timeline.change(id, 'END', changedBy, decide);
  }
}
