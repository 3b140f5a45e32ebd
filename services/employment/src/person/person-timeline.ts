import type { DataSource, DeepPartial, EntityTarget, ObjectLiteral } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import type { HistoryStore } from '@helhed/history';
import { isExclusionViolation, lockPersonTimeline } from './person-lock';

/** A record on a person's timeline (a benefit period, an employment period, a leisure job, ...). */
export interface TimelineRecord extends ObjectLiteral {
  id: string;
  personId: string;
  municipalityCode: string;
  familyId: string | null;
}

/**
 * Writes to a person's timeline the one way: under the person's lock (so two
 * writers cannot both pass the overlap check), with the history row in the
 * same transaction.
 */
export class PersonTimeline<E extends TimelineRecord> {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
    private readonly target: EntityTarget<E>,
    /** The entity's name in the history, e.g. `BenefitPeriod`. */
    private readonly name: string,
    /** When set, an exclusion-constraint violation is refused on `input.from` with this message. */
    private readonly overlapMessage?: string,
  ) {}

  /** Adds a record once `decide` has accepted it against the person's existing records. */
  async add(
    row: DeepPartial<E> & { personId: string },
    changedBy: string,
    decide?: (existing: E[]) => void,
  ): Promise<E> {
    try {
      return await this.db.transaction(async (tx) => {
        await lockPersonTimeline(tx, row.personId);
        const repo = tx.getRepository(this.target);
        decide?.(await repo.findBy({ personId: row.personId } as never));
        const saved = (await repo.save(repo.create(row))) as E;
        await this.history.record(tx, [this.entry(saved, 'CREATE', changedBy, null, saved)]);
        return saved;
      });
    } catch (error) {
      if (this.overlapMessage && isExclusionViolation(error))
        throw new UserInputError('input.from', this.overlapMessage);
      throw error;
    }
  }

  /** Changes a record (e.g. ends it) once `decide` has accepted the change; returns the record after it. */
  async change(id: string, operation: string, changedBy: string, decide: (current: E) => Partial<E>): Promise<E> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(this.target);
      const { personId } = await repo.findOneByOrFail({ id } as never);
      await lockPersonTimeline(tx, personId);
      const current = await repo.findOneByOrFail({ id } as never);
      const changes = decide(current);
      await repo.update(id, changes as never);
      const after = repo.create({ ...current, ...changes } as DeepPartial<E>);
      await this.history.record(tx, [this.entry(after, operation, changedBy, current, after)]);
      return after;
    });
  }

  private entry(record: E, operation: string, changedBy: string, before: E | null, after: E) {
    return {
      municipalityCode: record.municipalityCode,
      familyId: record.familyId,
      entity: this.name,
      entityId: record.id,
      operation,
      changedBy,
      before,
      after,
    };
  }
}
