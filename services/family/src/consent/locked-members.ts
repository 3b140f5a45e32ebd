import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import { lockFamily } from '../family/family-store';
import { isUuid } from '../ids';
import { PersonEntity } from '../person/person.entity';

/**
 * Inside a writing transaction: locks the family of the member `anchorId`
 * names (the lock every change to a family's members takes), then reads the
 * members `ids` name, fresh, as the caller's municipality sees them. A rule
 * checked against these cannot be undone by a concurrent change of the family
 * (a member removed, a role changed) before the transaction commits.
 * Gives a lookup of those members (null for an id that names nobody visible).
 */
export async function lockedMembers(
  tx: EntityManager,
  municipalityCode: string,
  anchorId: string,
  ids: readonly string[],
): Promise<(id: string) => PersonEntity | null> {
  const repo = tx.getRepository(PersonEntity);
  const anchor = isUuid(anchorId) ? await repo.findOneBy({ id: anchorId, municipalityCode }) : null;
  // Without an anchor the change is refused anyway; the members are read only to say why.
  if (anchor) await lockFamily(tx, anchor.familyId);
  const wanted = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
  const people = wanted.length > 0 ? await repo.findBy({ id: In(wanted), municipalityCode }) : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  return (id) => byId.get(id.toLowerCase()) ?? null;
}

/** A row of the caller's municipality, locked for the rest of the transaction, or a refusal at `field`. */
export async function lockedRow<T extends ObjectLiteral & { id: string; municipalityCode: string }>(
  tx: EntityManager,
  target: EntityTarget<T>,
  municipalityCode: string,
  id: string,
  field: string,
  what: string,
): Promise<T> {
  const row = isUuid(id)
    ? await tx.getRepository(target).findOne({
        where: { id: id.toLowerCase(), municipalityCode } as never,
        lock: { mode: 'pessimistic_write' },
      })
    : null;
  if (!row) throw new UserInputError(field, `There is no ${what} with this id in your municipality`);
  return row;
}
