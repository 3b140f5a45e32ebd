import { In, type DataSource } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import type { HistoryStore } from '@helhed/history';
import { MilestoneEntity } from './milestone.entity';
import { milestoneValues, type ValidMilestone } from './milestone';

export class MilestoneStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  byIds(ids: readonly string[]): Promise<MilestoneEntity[]> {
    return this.db.getRepository(MilestoneEntity).findBy({ id: In([...ids]) });
  }

  /** The milestones of many projects in one statement, earliest due first. */
  byProjectIds(projectIds: readonly string[]): Promise<MilestoneEntity[]> {
    return this.db.getRepository(MilestoneEntity).find({
      where: { projectId: In([...projectIds]) },
      order: { dueOn: 'ASC', id: 'ASC' },
    });
  }

  async add(
    projectId: string,
    milestone: ValidMilestone,
    municipalityCode: string,
    createdBy: string,
  ): Promise<MilestoneEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(MilestoneEntity);
      const saved = await repo.save(repo.create({ ...milestone, projectId, municipalityCode, createdBy }));
      await this.history.record(tx, [
        {
          municipalityCode,
          familyId: null,
          entity: 'Milestone',
          entityId: saved.id,
          operation: 'CREATE',
          changedBy: createdBy,
          after: { projectId, ...milestoneValues(saved) },
        },
      ]);
      return saved;
    });
  }

  /** Changes a milestone: `change` gets the row as it is now (locked) and returns the new values or throws. */
  async update(
    id: string,
    municipalityCode: string,
    change: (current: MilestoneEntity) => ValidMilestone,
    changedBy: string,
    reason: string | null,
  ): Promise<MilestoneEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(MilestoneEntity);
      const current = await repo.findOne({ where: { id, municipalityCode }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new UserInputError('input.id', 'There is no milestone with this id in your municipality');
      const next = change(current);
      const before = milestoneValues(current);
      if (JSON.stringify(before) === JSON.stringify(milestoneValues(next))) return current;
      await repo.update({ id }, next);
      const updated = repo.create({ ...current, ...next });
      await this.history.record(tx, [
        {
          municipalityCode,
          familyId: null,
          entity: 'Milestone',
          entityId: id,
          operation: 'UPDATE',
          changedBy,
          before,
          after: milestoneValues(updated),
          reason,
        },
      ]);
      return updated;
    });
  }
}
