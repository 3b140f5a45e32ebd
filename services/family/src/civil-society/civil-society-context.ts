import type { DataSource } from 'typeorm';
import { groupLoader, rowLoader } from '@helhed/db';
import type { HistoryStore } from '@helhed/history';
import { CivilSocietyStore } from './civil-society-store';

/** The civil-society module's stores (spread into the service's stores). */
export function createCivilSocietyStores(db: DataSource, history: HistoryStore) {
  return { civilSociety: new CivilSocietyStore(db, history) };
}
export type CivilSocietyStores = ReturnType<typeof createCivilSocietyStores>;

/** The civil-society module's per-request loaders (spread into the service's loaders). */
export function createCivilSocietyLoaders(stores: CivilSocietyStores) {
  return {
    civilSocietyPartner: rowLoader(
      (ids: readonly string[]) => stores.civilSociety.partnersByIds(ids),
      (p) => p.id,
    ),
    civilSocietyParticipation: rowLoader(
      (ids: readonly string[]) => stores.civilSociety.participationsByIds(ids),
      (p) => p.id,
    ),
    participationsOfPerson: groupLoader(
      (ids: readonly string[]) => stores.civilSociety.participationsByPersonIds(ids),
      (p) => p.personId,
    ),
  };
}
