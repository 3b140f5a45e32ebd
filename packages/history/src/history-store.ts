import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import { keysetPage, type PageArgs } from '@helhed/db';
import { ChangeRecordEntity } from './change-record.entity';

export interface Change {
  municipalityCode: string;
  familyId: string | null;
  entity: string;
  entityId: string;
  operation: string;
  changedBy: string;
  before?: object | null;
  after?: object | null;
  reason?: string | null;
}

/** Plain JSON of an entity for the history (Buffers such as encrypted CPR numbers are never copied). */
export function snapshot(entity: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (Buffer.isBuffer(value)) continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/**
 * The history of every change: written in the same transaction as the change
 * itself (pass the transaction's manager), so a change without its history
 * row cannot exist. Rows are never updated or deleted.
 */
export class HistoryStore {
  constructor(private readonly db: DataSource) {}

  async record(tx: EntityManager, changes: Change[]): Promise<void> {
    if (changes.length === 0) return;
    const repo = tx.getRepository(ChangeRecordEntity);
    await repo.save(
      changes.map((c) =>
        repo.create({
          ...c,
          before: c.before ? snapshot(c.before) : null,
          after: c.after ? snapshot(c.after) : null,
          reason: c.reason ?? null,
        }),
      ),
    );
  }

  /** A family's changes, newest first. */
  ofFamily(familyId: string, args: PageArgs) {
    const qb = this.db
      .getRepository(ChangeRecordEntity)
      .createQueryBuilder('c')
      .where('c.family_id = :familyId', { familyId });
    return keysetPage(qb, args, {
      column: 'c.id',
      idColumn: 'c.id',
      value: (row) => row.id,
      descending: true,
    });
  }

  /**
   * The changes to the given things of one municipality, newest first, whether or
   * not they belong to a family (e.g. a project with its milestones and risks).
   */
  ofEntities(municipalityCode: string, things: Array<{ entity: string; ids: readonly string[] }>, args: PageArgs) {
    const wanted = things.filter((t) => t.ids.length > 0);
    const qb = this.db
      .getRepository(ChangeRecordEntity)
      .createQueryBuilder('c')
      .where('c.municipality_code = :municipalityCode', { municipalityCode });
    if (wanted.length === 0) qb.andWhere('false');
    else
      qb.andWhere(
        new Brackets((any) => {
          wanted.forEach((t, i) =>
            any.orWhere(`(c.entity = :entity${i} AND c.entity_id IN (:...ids${i}))`, {
              [`entity${i}`]: t.entity,
              [`ids${i}`]: [...t.ids],
            }),
          );
        }),
      );
    return keysetPage(qb, args, {
      column: 'c.id',
      idColumn: 'c.id',
      value: (row) => row.id,
      descending: true,
    });
  }
}

/**
 * Creates a service's `change_record` table (in the service's own migration).
 * The family service made its own earlier, with foreign keys to its tables;
 * services whose municipalities and families live elsewhere use this one.
 */
export async function createChangeRecordTable(q: { query(sql: string): Promise<unknown> }): Promise<void> {
  await q.query(`
    CREATE TABLE change_record (
      id bigserial PRIMARY KEY,
      municipality_code char(3) NOT NULL,
      family_id uuid,
      entity text NOT NULL,
      entity_id text NOT NULL,
      operation text NOT NULL,
      changed_by text NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now(),
      before jsonb,
      after jsonb,
      reason text
    )`);
  await q.query('CREATE INDEX change_record_family_idx ON change_record (family_id, id DESC)');
  await q.query('CREATE INDEX change_record_entity_idx ON change_record (entity, entity_id, id DESC)');
}
