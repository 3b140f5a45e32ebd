import { In, type DataSource } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import type { HistoryStore } from '@helhed/history';
import { RiskEntity } from './risk.entity';
import { riskValues, type ValidRisk } from './risk';

export class RiskStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  byIds(ids: readonly string[]): Promise<RiskEntity[]> {
    return this.db.getRepository(RiskEntity).findBy({ id: In([...ids]) });
  }

  /** The risks of many projects in one statement, highest score (likelihood × impact) first. */
  byProjectIds(projectIds: readonly string[]): Promise<RiskEntity[]> {
    return this.db
      .getRepository(RiskEntity)
      .createQueryBuilder('r')
      .where('r.project_id IN (:...projectIds)', { projectIds: [...projectIds] })
      .orderBy('r.likelihood * r.impact', 'DESC')
      .addOrderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  async add(projectId: string, risk: ValidRisk, municipalityCode: string, createdBy: string): Promise<RiskEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(RiskEntity);
      const saved = await repo.save(repo.create({ ...risk, projectId, municipalityCode, createdBy }));
      await this.history.record(tx, [
        {
          municipalityCode,
          familyId: null,
          entity: 'Risk',
          entityId: saved.id,
          operation: 'CREATE',
          changedBy: createdBy,
          after: { projectId, ...riskValues(saved) },
        },
      ]);
      return saved;
    });
  }

  /** Changes a risk: `change` gets the row as it is now (locked) and returns the new values or throws. */
  async update(
    id: string,
    municipalityCode: string,
    change: (current: RiskEntity) => ValidRisk,
    changedBy: string,
    reason: string | null,
  ): Promise<RiskEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(RiskEntity);
      const current = await repo.findOne({ where: { id, municipalityCode }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new UserInputError('input.id', 'There is no risk with this id in your municipality');
      const next = change(current);
      const before = riskValues(current);
      if (JSON.stringify(before) === JSON.stringify(riskValues(next))) return current;
      await repo.update({ id }, next);
      const updated = repo.create({ ...current, ...next });
      await this.history.record(tx, [
        {
          municipalityCode,
          familyId: null,
          entity: 'Risk',
          entityId: id,
          operation: 'UPDATE',
          changedBy,
          before,
          after: riskValues(updated),
          reason,
        },
      ]);
      return updated;
    });
  }
}
