import { In, type DataSource } from 'typeorm';
import { HealthAssessmentEntity } from './health-assessment.entity';
import type { ValidHealthAssessment } from './health-assessment';

export class HealthAssessmentStore {
  constructor(private readonly db: DataSource) {}

  byIds(ids: readonly string[]): Promise<HealthAssessmentEntity[]> {
    return this.db.getRepository(HealthAssessmentEntity).findBy({ id: In([...ids]) });
  }

  /** The assessments of many persons in one statement, within one municipality, newest first. */
  byPersonIds(municipalityCode: string, personIds: readonly string[]): Promise<HealthAssessmentEntity[]> {
    return this.db.getRepository(HealthAssessmentEntity).find({
      where: { municipalityCode, personId: In([...personIds]) },
      order: { assessedOn: 'DESC', createdAt: 'DESC', id: 'ASC' },
    });
  }

  create(
    assessment: ValidHealthAssessment,
    municipalityCode: string,
    assessedBy: string,
  ): Promise<HealthAssessmentEntity> {
    const repository = this.db.getRepository(HealthAssessmentEntity);
    return repository.save(repository.create({ ...assessment, municipalityCode, assessedBy }));
  }
}
