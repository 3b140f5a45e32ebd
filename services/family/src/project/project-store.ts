import { In, type DataSource } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import { keysetPage, type PageArgs } from '@helhed/db';
import type { HistoryStore } from '@helhed/history';
import { ProjectEntity } from './project.entity';
import { checkPeriodKeepsEnrolments, projectValues, sameProject, type ValidProject } from './project';

export class ProjectStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  byIds(ids: readonly string[]): Promise<ProjectEntity[]> {
    return this.db.getRepository(ProjectEntity).findBy({ id: In([...ids]) });
  }

  /** The municipality's projects, latest start first. */
  page(municipalityCode: string, args: PageArgs) {
    const qb = this.db
      .getRepository(ProjectEntity)
      .createQueryBuilder('p')
      .where('p.municipality_code = :municipalityCode', { municipalityCode });
    return keysetPage(qb, args, {
      column: 'p.starts_on',
      idColumn: 'p.id',
      value: (p) => p.startsOn,
      descending: true,
    });
  }

  async create(project: ValidProject, municipalityCode: string, createdBy: string): Promise<ProjectEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(ProjectEntity);
      const saved = await repo.save(repo.create({ ...project, municipalityCode, createdBy }));
      await this.history.record(tx, [
        {
          municipalityCode,
          familyId: null,
          entity: 'Project',
          entityId: saved.id,
          operation: 'CREATE',
          changedBy: createdBy,
          after: projectValues(saved),
        },
      ]);
      return saved;
    });
  }

  /**
   * Changes a project. `change` gets the row as it is now (locked) and returns
   * the new values or throws; a period that would leave enrolled families
   * outside it is refused. Nothing is written when nothing changes.
   */
  async update(
    id: string,
    municipalityCode: string,
    change: (current: ProjectEntity) => ValidProject,
    changedBy: string,
    reason: string | null,
  ): Promise<ProjectEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(ProjectEntity);
      const current = await repo.findOne({ where: { id, municipalityCode }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new UserInputError('input.id', 'There is no project with this id in your municipality');
      const next = change(current);
      if (sameProject(current, next)) return current;
      if (next.startsOn !== current.startsOn || next.endsOn !== current.endsOn) {
        const [span] = (await tx.query(
          `SELECT min(enrolled_on)::text AS "firstEnrolledOn", max(greatest(enrolled_on, ended_on))::text AS "lastDay"
           FROM project_enrolment WHERE project_id = $1`,
          [id],
        )) as Array<{ firstEnrolledOn: string | null; lastDay: string | null }>;
        checkPeriodKeepsEnrolments(
          next,
          span?.firstEnrolledOn && span.lastDay
            ? { firstEnrolledOn: span.firstEnrolledOn, lastDay: span.lastDay }
            : null,
        );
      }
      await repo.update({ id }, next);
      const updated = repo.create({ ...current, ...next });
      await this.history.record(tx, [
        {
          municipalityCode,
          familyId: null,
          entity: 'Project',
          entityId: id,
          operation: 'UPDATE',
          changedBy,
          before: projectValues(current),
          after: projectValues(updated),
          reason,
        },
      ]);
      return updated;
    });
  }
}
