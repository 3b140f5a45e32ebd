import type { DataSource } from 'typeorm';
import { groupLoader, rowLoader } from '@helhed/db';
import type { HistoryStore } from '@helhed/history';
import { ConsentStore } from './consent-store';
import { CustodyStore } from './custody-store';

/** The custody and consent module's stores, made once per process (spread into the service's stores). */
export function createConsentStores(db: DataSource, history: HistoryStore) {
  const custody = new CustodyStore(db, history);
  return { custody, consents: new ConsentStore(db, custody, history) };
}
export type ConsentStores = ReturnType<typeof createConsentStores>;

/**
 * The custody and consent module's per-request loaders (spread into the
 * service's loaders). `consentsOfPerson` and `legalBasesOfPerson` are what the
 * sharing rule reads (see `sharingPermissionFor`): one statement each for any
 * number of persons.
 */
export function createConsentLoaders(stores: ConsentStores) {
  return {
    consent: rowLoader(
      (ids: readonly string[]) => stores.consents.consentsByIds(ids),
      (c) => c.id,
    ),
    legalBasis: rowLoader(
      (ids: readonly string[]) => stores.consents.legalBasesByIds(ids),
      (l) => l.id,
    ),
    consentsOfPerson: groupLoader(
      (ids: readonly string[]) => stores.consents.consentsByPersonIds(ids),
      (c) => c.personId,
    ),
    legalBasesOfPerson: groupLoader(
      (ids: readonly string[]) => stores.consents.legalBasesByPersonIds(ids),
      (l) => l.personId,
    ),
    /** Current custody rows per child. */
    custodyOfChild: groupLoader(
      (ids: readonly string[]) => stores.custody.currentByChildIds(ids),
      (c) => c.childId,
    ),
    /** Current custody rows per holder. */
    custodyByHolder: groupLoader(
      (ids: readonly string[]) => stores.custody.currentByHolderIds(ids),
      (c) => c.holderId,
    ),
  };
}
