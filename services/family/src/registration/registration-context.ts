import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { batchScheduleFn, groupLoader, rowLoader } from '@helhed/db';
import type { HistoryStore } from '@helhed/history';
import { RegistrationStore } from './registration-store';

/** The registration module's stores (spread into the service's stores). */
export const createRegistrationStores = (db: DataSource, history: HistoryStore) => ({
  registrations: new RegistrationStore(db, history),
});
export type RegistrationStores = ReturnType<typeof createRegistrationStores>;

/** The registration module's per-request loaders: one statement per kind, however many persons and months. */
export function createRegistrationLoaders(stores: RegistrationStores) {
  const byMunicipality = <V>(fetch: (code: string) => Promise<V>) =>
    new DataLoader<string, V>((codes) => Promise.all(codes.map(fetch)), { batchScheduleFn });
  return {
    /** By `personId|month`. */
    familyRegistration: rowLoader(
      (keys: readonly string[]) => stores.registrations.byKeys(keys),
      (r) => `${r.personId}|${r.month}`,
    ),
    registrationsOfPerson: groupLoader(
      (ids: readonly string[]) => stores.registrations.byPersonIds(ids),
      (r) => r.personId,
    ),
    sdqNormBands: byMunicipality((code) => stores.registrations.normBands(code)),
    projectsWithSettings: byMunicipality((code) => stores.registrations.projectsWithSettings(code)),
  };
}
