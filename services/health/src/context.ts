import type { DataSource } from 'typeorm';
import { groupLoader, rowLoader } from '@helhed/db';
import { AuditLogReader, type AuditTrail } from '@helhed/audit';
import type { CallerAccess, DirectoryCategory, FamilyDirectory } from '@helhed/family-directory';
import { HistoryStore } from '@helhed/history';
import type { BaseContext } from '@helhed/server';
import { HealthAssessmentStore } from './health-assessment/health-assessment-store';
import { personPageLoader } from './person/person-page';
import { HealthIndicatorsStore } from './health-indicator/health-indicators-store';
import { ReferralStore } from './referral/referral-store';
import { TreatmentStore } from './treatment/treatment-store';

/** The service's long-lived parts, made once per process. */
export function createStores(db: DataSource) {
  const history = new HistoryStore(db);
  return {
    history,
    auditLog: new AuditLogReader(db),
    healthAssessments: new HealthAssessmentStore(db, history),
    referrals: new ReferralStore(db, history),
    healthIndicators: new HealthIndicatorsStore(db, history),
    treatments: new TreatmentStore(db, history),
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
    healthAssessmentPageOfPerson: personPageLoader(
      (page) => stores.healthAssessments.pageByPersonIds(municipalityCode, page),
      (a) => a.assessedOn,
    ),
    referralPageOfPerson: personPageLoader(
      (page) => stores.referrals.pageByPersonIds(municipalityCode, page),
      (r) => r.sentOn,
    ),
    versionsOfAssessment: groupLoader(
      (assessmentIds: readonly string[]) => stores.healthAssessments.versionsOf(assessmentIds),
      (c) => c.entityId,
    ),
    referral: rowLoader(
      (ids: readonly string[]) => stores.referrals.byIds(ids),
      (r) => r.id,
    ),
    referralsOfPerson: groupLoader(
      (personIds: readonly string[]) => stores.referrals.byPersonIds(municipalityCode, personIds),
      (r) => r.personId,
    ),
    healthIndicatorsOfPerson: groupLoader(
      (personIds: readonly string[]) => stores.healthIndicators.byPersonIds(municipalityCode, personIds),
      (m) => m.personId,
    ),
    treatmentOfActivity: rowLoader(
      (activityIds: readonly string[]) => stores.treatments.byActivityIds(municipalityCode, activityIds),
      (t) => t.planActivityId,
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
  /** Asks the family subgraph about persons and plan activities (with the caller's identity). */
  directory: FamilyDirectory;
  /**
   * The caller's team and sharing facts for a person's category, asked of the
   * family subgraph once per category per request (`callerAccessLoader`), never
   * cached across requests: a withdrawn consent counts from the next request.
   */
  access: (personId: string, category: DirectoryCategory) => Promise<CallerAccess | null>;
}
