import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { Change, HistoryStore } from '@helhed/history';
import { CustodyEntity } from '../person/custody.entity';
import type { PersonEntity } from '../person/person.entity';
import type { ValidCustodyHolders } from './custody';
import { lockedMembers } from './locked-members';

/**
 * Custody (*forældremyndighed*): one row per child and holder. A holder who is
 * replaced is ended (`ended_on`), never deleted; one who later holds custody
 * again has the row resumed. Every change has its history row, so the change
 * history keeps every period.
 */
export class CustodyStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  /** Current custody of many children in one statement. */
  currentByChildIds(childIds: readonly string[]): Promise<CustodyEntity[]> {
    return this.db.getRepository(CustodyEntity).find({
      where: { childId: In([...childIds]), endedOn: IsNull() },
      order: { startedOn: 'ASC', holderId: 'ASC' },
    });
  }

  /** Current custody held by many members in one statement. */
  currentByHolderIds(holderIds: readonly string[]): Promise<CustodyEntity[]> {
    return this.db.getRepository(CustodyEntity).find({
      where: { holderId: In([...holderIds]), endedOn: IsNull() },
      order: { startedOn: 'ASC', childId: 'ASC' },
    });
  }

  /** The current custody holders of a child, read inside a transaction. */
  async currentHolderIdsIn(tx: EntityManager, childId: string): Promise<string[]> {
    const rows = await tx.getRepository(CustodyEntity).findBy({ childId, endedOn: IsNull() });
    return rows.map((r) => r.holderId);
  }

  /**
   * Replaces a child's custody holders in one transaction, under the family's
   * lock: `decide` (the domain rules) sees the child and the named holders as
   * they are now and throws to refuse. Holders who stay are untouched; holders
   * no longer named are ended on `today`; new ones start on `today`.
   */
  async setHolders(
    municipalityCode: string,
    input: { childId: string; holderIds: readonly string[] },
    changedBy: string,
    today: string,
    decide: (member: (id: string) => PersonEntity | null) => ValidCustodyHolders,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const member = await lockedMembers(tx, municipalityCode, input.childId, [input.childId, ...input.holderIds]);
      const valid = decide(member);
      const repo = tx.getRepository(CustodyEntity);
      const rows = await repo.findBy({ childId: valid.childId });
      const changes: Change[] = [];
      const change = (row: CustodyEntity, operation: string, before: CustodyEntity | null) =>
        changes.push({
          municipalityCode,
          familyId: valid.familyId,
          entity: 'Custody',
          entityId: `${row.childId}:${row.holderId}`,
          operation,
          changedBy,
          before,
          after: row,
        });

      for (const row of rows) {
        if (row.endedOn === null && !valid.holderIds.includes(row.holderId)) {
          const ended = repo.create({ ...row, endedOn: today, endedBy: changedBy });
          await repo.update({ childId: row.childId, holderId: row.holderId }, { endedOn: today, endedBy: changedBy });
          change(ended, 'END', row);
        }
      }
      for (const holderId of valid.holderIds) {
        const row = rows.find((r) => r.holderId === holderId);
        if (row && row.endedOn === null) continue;
        if (row) {
          const resumed = { startedOn: today, endedOn: null, endedBy: null };
          await repo.update({ childId: row.childId, holderId: row.holderId }, resumed);
          change(repo.create({ ...row, ...resumed }), 'RESUME', row);
        } else {
          const created = await repo.save(
            repo.create({
              childId: valid.childId,
              holderId,
              familyId: valid.familyId,
              municipalityCode,
              startedOn: today,
              endedOn: null,
              endedBy: null,
              createdBy: changedBy,
            }),
          );
          change(created, 'CREATE', null);
        }
      }
      await this.history.record(tx, changes);
    });
  }
}
