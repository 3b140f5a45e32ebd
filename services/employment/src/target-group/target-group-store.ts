import { In, type DataSource } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import type { Change, HistoryStore } from '@helhed/history';
import { isExclusionViolation, lockPersonTimeline } from '../person/person-lock';
import type { StoredAssignment, ValidTargetGroupAssignment } from './target-group';
import { TargetGroupAssignmentEntity } from './target-group-assignment.entity';

/**
 * Target-group assignments' SQL: a new assignment locks the person's timeline,
 * lets the rules decide on the person's assignments, closes the open one and
 * inserts the new one with their history rows, in one transaction.
 */
export class TargetGroupStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  /** The assignments of many persons in one statement, within one municipality, oldest first. */
  byPersonIds(municipalityCode: string, personIds: readonly string[]): Promise<TargetGroupAssignmentEntity[]> {
    return this.db.getRepository(TargetGroupAssignmentEntity).find({
      where: { municipalityCode, personId: In([...personIds]) },
      order: { fromDate: 'ASC', id: 'ASC' },
    });
  }

  async assign(
    assignment: ValidTargetGroupAssignment,
    owner: { municipalityCode: string; familyId: string; createdBy: string },
    decide: (existing: StoredAssignment[]) => { closePrevious: { id: string; toDate: string } | null },
  ): Promise<TargetGroupAssignmentEntity> {
    try {
      return await this.db.transaction(async (tx) => {
        await lockPersonTimeline(tx, assignment.personId);
        const repo = tx.getRepository(TargetGroupAssignmentEntity);
        const existing = await repo.findBy({ personId: assignment.personId });
        const { closePrevious } = decide(existing);
        const changes: Change[] = [];
        if (closePrevious) {
          const before = existing.find((a) => a.id === closePrevious.id)!;
          await repo.update({ id: before.id }, { toDate: closePrevious.toDate });
          changes.push({
            municipalityCode: before.municipalityCode,
            familyId: before.familyId,
            entity: 'TargetGroupAssignment',
            entityId: before.id,
            operation: 'END',
            changedBy: owner.createdBy,
            before,
            after: { ...before, toDate: closePrevious.toDate },
          });
        }
        const row = await repo.save(repo.create({ ...assignment, ...owner }));
        changes.push({
          municipalityCode: row.municipalityCode,
          familyId: row.familyId,
          entity: 'TargetGroupAssignment',
          entityId: row.id,
          operation: 'CREATE',
          changedBy: owner.createdBy,
          after: row,
        });
        await this.history.record(tx, changes);
        return row;
      });
    } catch (error) {
      if (isExclusionViolation(error)) {
        throw new UserInputError('input.from', 'The period overlaps another target-group period of the person');
      }
      throw error;
    }
  }
}
