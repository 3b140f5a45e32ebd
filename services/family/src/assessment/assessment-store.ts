import { In, type DataSource, type EntityManager } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import { FamilyEntity } from '../family/family.entity';
import type { HistoryStore } from '@helhed/history';
import { namesRow } from '../plan/plan-rules';
import type { ValidAssessment } from './assessment';
import {
  AssessmentEntity,
  AssessmentFindingEntity,
  AssessmentParticipantEntity,
  AssessmentVersionEntity,
} from './assessment.entity';

/**
 * The assessments' SQL. An assessment is read as its current version row
 * (`AssessmentVersionEntity`, carrying `assessmentId`); a revision adds a
 * version and moves the pointer, in one transaction with its history row.
 */
export class AssessmentStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  private current(tx: EntityManager = this.db.manager) {
    return tx
      .getRepository(AssessmentVersionEntity)
      .createQueryBuilder('v')
      .innerJoin(AssessmentEntity, 'a', 'a.id = v.assessment_id AND a.current_version = v.version');
  }

  /** The current versions of many assessments. */
  currentByAssessmentIds(ids: readonly string[]): Promise<AssessmentVersionEntity[]> {
    return this.current()
      .where('a.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  /** The current versions of many families' assessments, latest assessment first. */
  currentOfFamilies(familyIds: readonly string[]): Promise<AssessmentVersionEntity[]> {
    return this.current()
      .where('a.family_id IN (:...familyIds)', { familyIds: [...familyIds] })
      .orderBy('v.assessed_on', 'DESC')
      .addOrderBy('a.created_at', 'DESC')
      .getMany();
  }

  /** Every version of many assessments, oldest first. */
  versionsOf(assessmentIds: readonly string[]): Promise<AssessmentVersionEntity[]> {
    return this.db
      .getRepository(AssessmentVersionEntity)
      .find({ where: { assessmentId: In([...assessmentIds]) }, order: { version: 'ASC' } });
  }

  participantsOf(versionIds: readonly string[]): Promise<AssessmentParticipantEntity[]> {
    return this.db
      .getRepository(AssessmentParticipantEntity)
      .find({ where: { assessmentVersionId: In([...versionIds]) }, order: { position: 'ASC' } });
  }

  findingsOf(versionIds: readonly string[]): Promise<AssessmentFindingEntity[]> {
    return this.db.getRepository(AssessmentFindingEntity).findBy({ assessmentVersionId: In([...versionIds]) });
  }

  /** Writes a new assessment (version 1) after `decide` accepts it. */
  async record(
    request: { familyId: string; municipalityCode: string },
    createdBy: string,
    decide: (facts: { familyStatus: string }) => ValidAssessment,
  ): Promise<AssessmentVersionEntity> {
    return this.db.transaction(async (tx) => {
      const family = namesRow(request.familyId)
        ? await tx
            .getRepository(FamilyEntity)
            .findOneBy({ id: request.familyId, municipalityCode: request.municipalityCode })
        : null;
      if (!family) throw new UserInputError('input.familyId', 'There is no family with this id in your municipality');
      const valid = decide({ familyStatus: family.status });
      const assessment = await tx.getRepository(AssessmentEntity).save(
        tx.getRepository(AssessmentEntity).create({
          municipalityCode: family.municipalityCode,
          familyId: family.id,
          currentVersion: 1,
          createdBy,
        }),
      );
      const version = await this.writeVersion(tx, assessment, 1, valid, null, createdBy);
      await this.history.record(tx, [
        {
          municipalityCode: family.municipalityCode,
          familyId: family.id,
          entity: 'Assessment',
          entityId: assessment.id,
          operation: 'CREATE',
          changedBy: createdBy,
          after: { ...version, ...valid },
        },
      ]);
      return version;
    });
  }

  /** Writes the next version of an assessment after `decide` accepts the revision. */
  async revise(
    request: { assessmentId: string; municipalityCode: string },
    changedBy: string,
    decide: (current: ValidAssessment) => ValidAssessment & { reason: string },
  ): Promise<AssessmentVersionEntity> {
    return this.db.transaction(async (tx) => {
      const assessment = namesRow(request.assessmentId)
        ? await tx.getRepository(AssessmentEntity).findOne({
            where: { id: request.assessmentId, municipalityCode: request.municipalityCode },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (!assessment) {
        throw new UserInputError('input.assessmentId', 'There is no assessment with this id in your municipality');
      }
      const currentVersion = await tx
        .getRepository(AssessmentVersionEntity)
        .findOneByOrFail({ assessmentId: assessment.id, version: assessment.currentVersion });
      const participants = await tx
        .getRepository(AssessmentParticipantEntity)
        .find({ where: { assessmentVersionId: currentVersion.id }, order: { position: 'ASC' } });
      const findings = await tx
        .getRepository(AssessmentFindingEntity)
        .findBy({ assessmentVersionId: currentVersion.id });
      const current: ValidAssessment = {
        assessedOn: currentVersion.assessedOn,
        participants: participants.map((p) => ({ caseworkerId: p.caseworkerId, department: p.department })),
        findings: findings.map(({ domain, resources, challenges, wishes, needs }) => ({
          domain,
          resources,
          challenges,
          wishes,
          needs,
        })),
      };
      const valid = decide(current);
      const next = assessment.currentVersion + 1;
      await tx.getRepository(AssessmentEntity).update({ id: assessment.id }, { currentVersion: next });
      const version = await this.writeVersion(tx, assessment, next, valid, valid.reason, changedBy);
      await this.history.record(tx, [
        {
          municipalityCode: assessment.municipalityCode,
          familyId: assessment.familyId,
          entity: 'Assessment',
          entityId: assessment.id,
          operation: 'REVISE',
          changedBy,
          before: { ...currentVersion, ...current },
          after: { ...version, ...valid },
          reason: valid.reason,
        },
      ]);
      return version;
    });
  }

  private async writeVersion(
    tx: EntityManager,
    assessment: AssessmentEntity,
    version: number,
    valid: ValidAssessment,
    reason: string | null,
    createdBy: string,
  ): Promise<AssessmentVersionEntity> {
    const owner = { municipalityCode: assessment.municipalityCode, familyId: assessment.familyId, createdBy };
    const row = await tx.getRepository(AssessmentVersionEntity).save(
      tx.getRepository(AssessmentVersionEntity).create({
        ...owner,
        assessmentId: assessment.id,
        version,
        assessedOn: valid.assessedOn,
        revisionReason: reason,
      }),
    );
    await tx
      .getRepository(AssessmentParticipantEntity)
      .insert(valid.participants.map((p, position) => ({ ...owner, ...p, assessmentVersionId: row.id, position })));
    await tx
      .getRepository(AssessmentFindingEntity)
      .insert(valid.findings.map((f) => ({ ...owner, ...f, assessmentVersionId: row.id })));
    return row;
  }
}
