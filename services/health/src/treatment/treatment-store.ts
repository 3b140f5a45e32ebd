import { In, type DataSource, type Repository } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import type { HistoryStore } from '@helhed/history';
import { TreatmentDetailsEntity } from './treatment-details.entity';
import type { ValidTreatmentDetails } from './treatment';

type Owner = { municipalityCode: string; familyId: string; recordedBy: string };

/** Treatment details' SQL: each change is written with its history row in the same transaction. */
export class TreatmentStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  /** The details of many plan activities in one statement, within one municipality. */
  byActivityIds(municipalityCode: string, activityIds: readonly string[]): Promise<TreatmentDetailsEntity[]> {
    return this.db
      .getRepository(TreatmentDetailsEntity)
      .findBy({ municipalityCode, planActivityId: In([...activityIds]) });
  }

  /**
   * Records an activity's details; recorded before, they are replaced (attended sessions kept), the old ones in the
   * history. `created` tells a first record from a change (the audit row says CREATE or UPDATE).
   */
  recordDetails(
    details: ValidTreatmentDetails,
    owner: Owner,
  ): Promise<{ row: TreatmentDetailsEntity; created: boolean }> {
    return this.change(owner.municipalityCode, details.planActivityId, owner.recordedBy, (before, repo) =>
      before
        ? repo.create({ ...before, ...details })
        : repo.create({ ...details, ...owner, createdBy: owner.recordedBy, sessionsAttended: 0 }),
    );
  }

  /** Records the sessions attended (and optionally planned) of an activity whose details are recorded. */
  async recordSessions(
    municipalityCode: string,
    planActivityId: string,
    sessions: { sessionsAttended: number; sessionsPlanned?: number | null },
    recordedBy: string,
  ): Promise<TreatmentDetailsEntity> {
    const { row } = await this.change(municipalityCode, planActivityId, recordedBy, (before, repo) => {
      if (!before) {
        throw new UserInputError('input.planActivityId', 'Record the treatment details of the activity first');
      }
      return repo.create({
        ...before,
        sessionsAttended: sessions.sessionsAttended,
        sessionsPlanned: sessions.sessionsPlanned ?? before.sessionsPlanned,
      });
    });
    return row;
  }

  private change(
    municipalityCode: string,
    planActivityId: string,
    changedBy: string,
    next: (before: TreatmentDetailsEntity | null, repo: Repository<TreatmentDetailsEntity>) => TreatmentDetailsEntity,
  ): Promise<{ row: TreatmentDetailsEntity; created: boolean }> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`treatment_details:${planActivityId}`]);
      const repo = tx.getRepository(TreatmentDetailsEntity);
      const before = await repo.findOneBy({ municipalityCode, planActivityId });
      const row = await repo.save(next(before, repo));
      await this.history.record(tx, [
        {
          municipalityCode,
          familyId: row.familyId,
          entity: 'TreatmentDetails',
          entityId: row.id,
          operation: before ? 'UPDATE' : 'CREATE',
          changedBy,
          before,
          after: row,
        },
      ]);
      return { row, created: before === null };
    });
  }
}
