import type { EntityManager } from 'typeorm';

/**
 * Serialises the writes to one person's timelines (benefits, target groups,
 * employment, leisure jobs) until the transaction ends: a transaction-scoped
 * advisory lock on the person id, so two requests cannot both find "no
 * overlap" and both insert. The tables' EXCLUDE constraints are the second wall.
 */
export async function lockPersonTimeline(tx: EntityManager, personId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`person:${personId}`]);
}

/** PostgreSQL's error code for a row that breaks an EXCLUDE constraint. */
const EXCLUSION_VIOLATION = '23P01';
/** PostgreSQL's error code for a row that breaks a UNIQUE constraint. */
const UNIQUE_VIOLATION = '23505';

export const isExclusionViolation = (error: unknown): boolean =>
  (error as { code?: string } | null)?.code === EXCLUSION_VIOLATION;
export const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: string } | null)?.code === UNIQUE_VIOLATION;
