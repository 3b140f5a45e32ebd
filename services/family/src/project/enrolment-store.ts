import { In, type DataSource } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import { encodeCursor, type Page } from '@helhed/db';
import { FamilyEntity } from '../family/family.entity';
import { isUuid } from '../ids';
import type { HistoryStore } from '@helhed/history';
import { ProjectEnrolmentEntity } from './project-enrolment.entity';
import { ProjectEntity } from './project.entity';
import {
  checkNoOverlap,
  validateEnrolment,
  validateEnrolmentEnd,
  type EnrolmentEndInput,
  type EnrolmentInput,
} from './enrolment';

/** One page of one project's enrolments: at most `first` after the cursor (already checked) `after`. */
export interface EnrolmentPageKey {
  projectId: string;
  first: number;
  after: { enrolledOn: string; id: string } | null;
}

const enrolmentValues = (e: ProjectEnrolmentEntity) => ({
  projectId: e.projectId,
  familyId: e.familyId,
  enrolledOn: e.enrolledOn,
  endedOn: e.endedOn,
  endReason: e.endReason,
});

export class EnrolmentStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  /** Enrolments by id (any municipality's: the caller checks). */
  byIds(ids: readonly string[]): Promise<ProjectEnrolmentEntity[]> {
    return this.db.getRepository(ProjectEnrolmentEntity).findBy({ id: In([...ids]) });
  }

  /** Enrolments of many families in one statement, latest first. */
  byFamilyIds(familyIds: readonly string[]): Promise<ProjectEnrolmentEntity[]> {
    return this.db.getRepository(ProjectEnrolmentEntity).find({
      where: { familyId: In([...familyIds]) },
      order: { enrolledOn: 'DESC', id: 'DESC' },
    });
  }

  /** How many families each project has enrolled on `today` (projects with none are left out). */
  async currentCounts(
    projectIds: readonly string[],
    today: string,
  ): Promise<Array<{ projectId: string; count: number }>> {
    const rows = await this.db
      .getRepository(ProjectEnrolmentEntity)
      .createQueryBuilder('e')
      .select('e.project_id', 'projectId')
      .addSelect('count(*)::int', 'count')
      .where('e.project_id IN (:...projectIds)', { projectIds: [...projectIds] })
      .andWhere('e.enrolled_on <= :today', { today })
      .andWhere('(e.ended_on IS NULL OR e.ended_on > :today)', { today })
      .groupBy('e.project_id')
      .getRawMany<{ projectId: string; count: number }>();
    return rows;
  }

  /**
   * Pages of several projects' enrolments (oldest enrolment first) in one
   * statement per page size: a window function numbers each project's rows
   * after its own cursor, so the statement count does not grow with the number
   * of projects asked for.
   */
  async pages(keys: readonly EnrolmentPageKey[]): Promise<Array<Page<ProjectEnrolmentEntity>>> {
    const results = new Map<EnrolmentPageKey, Page<ProjectEnrolmentEntity>>();
    for (const batch of batchesOf(keys)) {
      const first = batch[0]!.first;
      const params: Record<string, unknown> = { limit: first + 1 };
      const wanted = batch.map((key, i) => {
        params[`project${i}`] = key.projectId;
        if (!key.after) return `x.project_id = :project${i}`;
        params[`value${i}`] = key.after.enrolledOn;
        params[`id${i}`] = key.after.id;
        return `(x.project_id = :project${i} AND (x.enrolled_on, x.id) > (CAST(:value${i} AS date), CAST(:id${i} AS uuid)))`;
      });
      const rows = await this.db
        .getRepository(ProjectEnrolmentEntity)
        .createQueryBuilder('e')
        .where(
          `e.id IN (SELECT ranked.id FROM (
             SELECT x.id, row_number() OVER (PARTITION BY x.project_id ORDER BY x.enrolled_on, x.id) AS n
             FROM project_enrolment x WHERE ${wanted.join(' OR ')}) ranked WHERE ranked.n <= :limit)`,
          params,
        )
        .orderBy('e.project_id')
        .addOrderBy('e.enrolled_on')
        .addOrderBy('e.id')
        .getMany();
      for (const key of batch) {
        const own = rows.filter((r) => r.projectId === key.projectId);
        const nodes = own.slice(0, key.first);
        results.set(key, {
          nodes,
          hasNextPage: own.length > key.first,
          cursors: nodes.map((n) => encodeCursor(n.enrolledOn, n.id)),
        });
      }
    }
    return keys.map((k) => results.get(k)!);
  }

  /**
   * Enrols a family. The project is read again under a share lock (its period
   * cannot change meanwhile) and the family's other enrolments are checked for
   * overlap; the partial unique index catches two enrolments at the same moment.
   */
  async enrol(input: EnrolmentInput, municipalityCode: string, createdBy: string): Promise<ProjectEnrolmentEntity> {
    try {
      return await this.db.transaction(async (tx) => {
        const project = await tx.getRepository(ProjectEntity).findOne({
          where: { id: input.projectId, municipalityCode },
          lock: { mode: 'pessimistic_read' },
        });
        const family = await tx.getRepository(FamilyEntity).findOneBy({ id: input.familyId, municipalityCode });
        validateEnrolment(input, { project, family });
        const repo = tx.getRepository(ProjectEnrolmentEntity);
        checkNoOverlap(await repo.findBy({ familyId: input.familyId }), input.enrolledOn);
        const saved = await repo.save(
          repo.create({
            municipalityCode,
            projectId: input.projectId,
            familyId: input.familyId,
            enrolledOn: input.enrolledOn,
            createdBy,
          }),
        );
        await this.history.record(tx, [
          {
            municipalityCode,
            familyId: saved.familyId,
            entity: 'ProjectEnrolment',
            entityId: saved.id,
            operation: 'CREATE',
            changedBy: createdBy,
            after: enrolmentValues(saved),
          },
        ]);
        return saved;
      });
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'project_enrolment_open_key') {
        throw new UserInputError(
          'input.familyId',
          'The family is already enrolled in a project; end that enrolment first',
        );
      }
      throw error;
    }
  }

  /** Ends an open enrolment (the row stays: the family's time in the project is kept). */
  async end(input: EnrolmentEndInput, municipalityCode: string, endedBy: string): Promise<ProjectEnrolmentEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(ProjectEnrolmentEntity);
      // An id that cannot name an enrolment is reported like an unknown one (and never reaches SQL).
      const enrolment = isUuid(input.enrolmentId)
        ? await repo.findOne({
            where: { id: input.enrolmentId, municipalityCode },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      const project = enrolment ? await tx.getRepository(ProjectEntity).findOneBy({ id: enrolment.projectId }) : null;
      const { endedOn, reason } = validateEnrolmentEnd(input, { enrolment, project });
      if (!enrolment) throw new Error('unreachable: validateEnrolmentEnd refuses a missing enrolment');
      const current = enrolment;
      await repo.update({ id: current.id }, { endedOn, endReason: reason, endedBy });
      const ended = repo.create({ ...current, endedOn, endReason: reason, endedBy });
      await this.history.record(tx, [
        {
          municipalityCode,
          familyId: current.familyId,
          entity: 'ProjectEnrolment',
          entityId: current.id,
          operation: 'END',
          changedBy: endedBy,
          before: enrolmentValues(current),
          after: enrolmentValues(ended),
          reason,
        },
      ]);
      return ended;
    });
  }
}

/** Splits page requests into statements: one page size each, and each project at most once. */
function batchesOf(keys: readonly EnrolmentPageKey[]): EnrolmentPageKey[][] {
  const batches: EnrolmentPageKey[][] = [];
  for (const key of keys) {
    const batch = batches.find((b) => b[0]!.first === key.first && !b.some((k) => k.projectId === key.projectId));
    if (batch) batch.push(key);
    else batches.push([key]);
  }
  return batches;
}
