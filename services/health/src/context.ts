import type { DataSource } from 'typeorm';
import { groupLoader, rowLoader } from '@helhed/db';
import type { AuditTrail } from '@helhed/audit';
import type { BaseContext } from '@helhed/server';
import { HealthAssessmentStore } from './health-assessment/health-assessment-store';

/** The service's long-lived parts, made once per process. */
export function createStores(db: DataSource) {
  return {
    healthAssessments: new HealthAssessmentStore(db),
  };
}
export type Stores = ReturnType<typeof createStores>;

/**
 * Per-request DataLoaders: one statement per entity kind, however large the answer.
 * Lists by person are read within the caller's municipality only.
 */
export function createLoaders(stores: Stores, municipalityCode: string) {
  return {
    healthAssessment: rowLoader(
      (ids: readonly string[]) => stores.healthAssessments.byIds(ids),
      (a) => a.id,
    ),
    healthAssessmentsOfPerson: groupLoader(
      (personIds: readonly string[]) => stores.healthAssessments.byPersonIds(municipalityCode, personIds),
      (a) => a.personId,
    ),
  };
}

export interface HealthContext extends BaseContext {
  /** What this request read or changed of persons' health data; written when the request ends. */
  audit: AuditTrail;
  stores: Stores;
  loaders: ReturnType<typeof createLoaders>;
  /** Today in Denmark, fixed for the request. */
  today: string;
}
