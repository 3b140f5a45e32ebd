import type { DataSource } from 'typeorm';
import { groupLoader, rowLoader } from '@helhed/db';
import { AuditLogReader, type AuditTrail } from '@helhed/audit';
import type { CallerAccess, DirectoryCategory, FamilyDirectory } from '@helhed/family-directory';
import { HistoryStore } from '@helhed/history';
import type { BaseContext } from '@helhed/server';
import { BenefitPeriodStore } from './benefit-period/benefit-period-store';
import { offerLoaders } from './offer/offer-loaders';
import { OfferStore } from './offer/offer-store';
import { registrationLoaders } from './registration/registration-loaders';
import { RegistrationStore } from './registration/registration-store';
import { TargetGroupStore } from './target-group/target-group-store';
import { CompanyStore } from './company/company-store';
import { jobcenterLoaders } from './company/jobcenter-loaders';
import { EducationStore } from './education/education-store';
import { EmploymentPeriodStore } from './employment-period/employment-period-store';
import { LeisureJobStore } from './leisure-job/leisure-job-store';

/** The service's long-lived parts, made once per process. */
export function createStores(db: DataSource) {
  const history = new HistoryStore(db);
  return {
    history,
    auditLog: new AuditLogReader(db),
    benefitPeriods: new BenefitPeriodStore(db, history),
    targetGroups: new TargetGroupStore(db, history),
    companies: new CompanyStore(db, history),
    employmentPeriods: new EmploymentPeriodStore(db, history),
    education: new EducationStore(db, history),
    leisureJobs: new LeisureJobStore(db, history),
    offers: new OfferStore(db, history),
    registrations: new RegistrationStore(db, history),
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
    ...jobcenterLoaders(stores, municipalityCode),
    offers: offerLoaders(stores.offers, municipalityCode),
    registrations: registrationLoaders(stores.registrations, municipalityCode),
  };
}

export interface EmploymentContext extends BaseContext {
  stores: Stores;
  loaders: ReturnType<typeof createLoaders>;
  /** Asks the family subgraph about persons and plan activities (with the caller's identity). */
  directory: FamilyDirectory;
  /**
   * The caller's team and sharing facts for a person's category, asked of the
   * family subgraph once per category per request (`callerAccessLoader`).
   */
  access: (personId: string, category: DirectoryCategory) => Promise<CallerAccess | null>;
  /** The request's reads and changes of persons' employment data, written in one insert at its end. */
  audit: AuditTrail;
  /** Settings the domain rules read. */
  settings: { offerKeptMaxGapWeeks: number };
}
