import { In, type DataSource } from 'typeorm';
import { BenefitPeriodEntity } from './benefit-period.entity';
import type { ValidBenefitPeriod } from './benefit-period';

export class BenefitPeriodStore {
  constructor(private readonly db: DataSource) {}

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

  create(period: ValidBenefitPeriod, municipalityCode: string, recordedBy: string): Promise<BenefitPeriodEntity> {
    const repository = this.db.getRepository(BenefitPeriodEntity);
    return repository.save(repository.create({ ...period, municipalityCode, recordedBy }));
  }
}
