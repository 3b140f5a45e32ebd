import { In, type DataSource } from 'typeorm';
import { ChangeRecordEntity, type HistoryStore } from '@helhed/history';
import { now } from '../dates';
import { HealthAssessmentEntity } from './health-assessment.entity';
import type { ValidHealthAssessment } from './health-assessment';
import type { PersonPageQuery } from '../person/person-page';

const ENTITY = 'HealthAssessment';

/** Health assessments' SQL: each change is written with its history row in the same transaction. */
export class HealthAssessmentStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

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

  /**
   * A page of each person's assessments in one statement, within one municipality,
   * newest first (by assessment date, then id): at most `limit` per person.
   */
  pageByPersonIds(municipalityCode: string, page: PersonPageQuery): Promise<HealthAssessmentEntity[]> {
    const after = page.after ? 'AND (assessed_on, id) < (:afterDate::date, :afterId::uuid)' : '';
    return this.db
      .getRepository(HealthAssessmentEntity)
      .createQueryBuilder('a')
      .where(
        `a.id IN (SELECT id FROM (
          SELECT id, row_number() OVER (PARTITION BY person_id ORDER BY assessed_on DESC, id DESC) AS n
          FROM health_assessment
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
      .orderBy('a.assessed_on', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .getMany();
  }

  /** The recorded versions of many assessments in one statement, oldest first. */
  versionsOf(assessmentIds: readonly string[]): Promise<ChangeRecordEntity[]> {
    return this.db.getRepository(ChangeRecordEntity).find({
      where: { entity: ENTITY, entityId: In([...assessmentIds]) },
      order: { id: 'ASC' },
    });
  }

  create(
    assessment: ValidHealthAssessment,
    owner: { municipalityCode: string; familyId: string; assessedBy: string },
  ): Promise<HealthAssessmentEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(HealthAssessmentEntity);
      const row = await repo.save(repo.create({ ...assessment, ...owner }));
      await this.history.record(tx, [
        {
          municipalityCode: row.municipalityCode,
          familyId: row.familyId,
          entity: ENTITY,
          entityId: row.id,
          operation: 'CREATE',
          changedBy: owner.assessedBy,
          after: row,
        },
      ]);
      return row;
    });
  }

  /** Revises an assessment after `decide` accepts the change, the row locked meanwhile; the old values go to the history. */
  revise(
    id: string,
    revisedBy: string,
    decide: (current: HealthAssessmentEntity) => { assessment: ValidHealthAssessment; reason: string | null },
  ): Promise<HealthAssessmentEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(HealthAssessmentEntity);
      const current = await repo.findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
      const { assessment, reason } = decide(current);
      const { personId: _samePerson, ...change } = assessment;
      const after = await repo.save(repo.create({ ...current, ...change, revisedAt: now(), revisedBy }));
      await this.history.record(tx, [
        {
          municipalityCode: current.municipalityCode,
          familyId: current.familyId,
          entity: ENTITY,
          entityId: id,
          operation: 'UPDATE',
          changedBy: revisedBy,
          before: current,
          after,
          reason,
        },
      ]);
      return after;
    });
  }
}
