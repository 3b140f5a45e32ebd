import type { DataSource } from 'typeorm';
import { groupLoader, rowLoader } from '@helhed/db';
import type { BaseContext } from '@helhed/server';
import { CaseworkerStore } from './caseworker/caseworker-store';
import type { CprVault } from './cpr/cpr-vault';
import { FamilyStore } from './family/family-store';
import { HistoryStore } from './history/history-store';
import { MunicipalityStore } from './municipality/municipality-store';
import { PersonStore } from './person/person-store';

/** The service's long-lived parts, made once per process. */
export function createStores(db: DataSource, vault: CprVault) {
  const history = new HistoryStore(db);
  return {
    history,
    municipalities: new MunicipalityStore(db),
    caseworkers: new CaseworkerStore(db),
    families: new FamilyStore(db, vault, history),
    persons: new PersonStore(db),
  };
}
export type Stores = ReturnType<typeof createStores>;

/** Per-request DataLoaders: one statement per entity kind, however large the answer. */
export function createLoaders(stores: Stores) {
  return {
    municipality: rowLoader(
      (codes: readonly string[]) => stores.municipalities.byCodes(codes),
      (m) => m.code,
    ),
    caseworker: rowLoader(
      (ids: readonly string[]) => stores.caseworkers.byIds(ids),
      (c) => c.id,
    ),
    family: rowLoader(
      (ids: readonly string[]) => stores.families.byIds(ids),
      (f) => f.id,
    ),
    person: rowLoader(
      (ids: readonly string[]) => stores.persons.byIds(ids),
      (p) => p.id,
    ),
    membersOfFamily: groupLoader(
      (ids: readonly string[]) => stores.persons.byFamilyIds(ids),
      (p) => p.familyId,
    ),
  };
}

export interface FamilyContext extends BaseContext {
  stores: Stores;
  loaders: ReturnType<typeof createLoaders>;
  /** Today in Denmark, fixed for the request. */
  today: string;
}
