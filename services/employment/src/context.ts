import type { DataSource } from 'typeorm';
import { groupLoader, rowLoader } from '@helhed/db';
import type { FamilyDirectory } from '@helhed/family-directory';
import type { BaseContext } from '@helhed/server';
import { BenefitPeriodStore } from './benefit-period/benefit-period-store';

/** The service's long-lived parts, made once per process. */
export function createStores(db: DataSource) {
  return {
    benefitPeriods: new BenefitPeriodStore(db),
  };
}
export type Stores = ReturnType<typeof createStores>;

/**
 * Per-request DataLoaders: one statement per entity kind, however large the answer.
 * Lists by person are read within the caller's municipality only.
 */
export function createLoaders(stores: Stores, municipalityCode: string) {
  return {
    benefitPeriod: rowLoader(
      (ids: readonly string[]) => stores.benefitPeriods.byIds(ids),
      (p) => p.id,
    ),
    benefitPeriodsOfPerson: groupLoader(
      (personIds: readonly string[]) => stores.benefitPeriods.byPersonIds(municipalityCode, personIds),
      (p) => p.personId,
    ),
  };
}

export interface EmploymentContext extends BaseContext {
  stores: Stores;
  loaders: ReturnType<typeof createLoaders>;
  /** Asks the family subgraph about persons and plan activities (with the caller's identity). */
  directory: FamilyDirectory;
  /** Settings the domain rules read. */
  settings: { offerKeptMaxGapWeeks: number };
}
