import { In, type DataSource } from 'typeorm';
import type { HistoryStore } from '@helhed/history';
import { now } from '../dates';
import { HealthIndicatorsEntity } from './health-indicators.entity';
import type { ValidHealthIndicators } from './health-indicators';

/** Health indicators' SQL: a month is recorded or re-recorded with its history row in one transaction. */
export class HealthIndicatorsStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  /** The months of many persons in one statement, within one municipality, oldest first. */
  byPersonIds(municipalityCode: string, personIds: readonly string[]): Promise<HealthIndicatorsEntity[]> {
    return this.db.getRepository(HealthIndicatorsEntity).find({
      where: { municipalityCode, personId: In([...personIds]) },
      order: { month: 'ASC' },
    });
  }

  /** Records a person's month; a month recorded before is replaced, the old values kept in the history. */
  record(
    values: ValidHealthIndicators,
    owner: { municipalityCode: string; familyId: string; recordedBy: string },
  ): Promise<HealthIndicatorsEntity> {
    return this.db.transaction(async (tx) => {
      // One writer per person and month: the second of two concurrent first recordings updates instead of failing.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`health_indicators:${values.personId}`]);
      const repo = tx.getRepository(HealthIndicatorsEntity);
      const key = { municipalityCode: owner.municipalityCode, personId: values.personId, month: values.month };
      const before = await repo.findOneBy(key);
      const change = {
        who5Items: values.who5Items,
        selfRatedHealth: values.selfRatedHealth,
        inTreatment: values.inTreatment,
        attendingAsPlanned: values.attendingAsPlanned,
        recordedBy: owner.recordedBy,
        recordedAt: now(),
      };
      let row: HealthIndicatorsEntity;
      if (before) {
        await repo.update({ id: before.id }, change);
        row = repo.create({ ...before, ...change });
      } else {
        row = await repo.save(
          // The first recording's created_at is what `onTime` compares with the deadline: from the clock too.
          repo.create({
            ...key,
            ...change,
            familyId: owner.familyId,
            createdBy: owner.recordedBy,
            createdAt: change.recordedAt,
          }),
        );
      }
      await this.history.record(tx, [
        {
          municipalityCode: row.municipalityCode,
          familyId: row.familyId,
          entity: 'HealthIndicators',
          entityId: row.id,
          operation: before ? 'UPDATE' : 'CREATE',
          changedBy: owner.recordedBy,
          before,
          after: row,
        },
      ]);
      return row;
    });
  }
}
