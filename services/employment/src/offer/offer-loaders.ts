import { groupLoader, rowLoader } from '@helhed/db';
import type { OfferStore } from './offer-store';

/** Per-request DataLoaders of offers: one statement per kind of row, within the caller's municipality. */
export function offerLoaders(store: OfferStore, municipalityCode: string) {
  return {
    participation: rowLoader(
      (ids: readonly string[]) => store.byIds(ids),
      (p) => p.id,
    ),
    participationsOfActivity: groupLoader(
      (activityIds: readonly string[]) => store.ofActivities(municipalityCode, activityIds),
      (p) => p.planActivityId,
    ),
    participationsOfPerson: groupLoader(
      (personIds: readonly string[]) => store.ofPersons(municipalityCode, personIds),
      (p) => p.personId,
    ),
    weeksOfParticipation: groupLoader(
      (participationIds: readonly string[]) => store.weeksOf(participationIds),
      (w) => w.participationId,
    ),
    weeksOfPerson: groupLoader(
      (personIds: readonly string[]) => store.weeksOfPersons(municipalityCode, personIds),
      (w) => w.personId,
    ),
  };
}
