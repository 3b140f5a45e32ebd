import { groupLoader, rowLoader } from '@helhed/db';
import type { Stores } from '../context';

/**
 * The per-request loaders of the jobcenter's records (target groups,
 * companies, employment, education, leisure jobs): one statement per kind and
 * batch. Lists are read within the caller's municipality only.
 */
export function jobcenterLoaders(stores: Stores, municipalityCode: string) {
  const byPerson = <T extends { personId: string }>(
    fetch: (municipalityCode: string, personIds: readonly string[]) => Promise<T[]>,
  ) =>
    groupLoader(
      (personIds: readonly string[]) => fetch(municipalityCode, personIds),
      (row: T) => row.personId,
    );
  const atCompany = <T extends { companyId: string | null }>(
    fetch: (municipalityCode: string, companyIds: readonly string[]) => Promise<T[]>,
  ) =>
    groupLoader(
      (companyIds: readonly string[]) => fetch(municipalityCode, companyIds),
      (row: T) => row.companyId ?? '',
    );
  return {
    targetGroupsOfPerson: byPerson((m, ids) => stores.targetGroups.byPersonIds(m, ids)),
    company: rowLoader(
      (ids: readonly string[]) => stores.companies.byIds(ids),
      (c) => c.id,
    ),
    agreementsOfCompany: groupLoader(
      (companyIds: readonly string[]) => stores.companies.agreementsOf(companyIds),
      (a) => a.companyId,
    ),
    employmentPeriodsAtCompany: atCompany((m, ids) => stores.companies.employmentPeriodsAt(m, ids)),
    leisureJobsAtCompany: atCompany((m, ids) => stores.companies.leisureJobsAt(m, ids)),
    offerParticipationsAtCompany: atCompany((m, ids) => stores.companies.offerParticipationsAt(m, ids)),
    employmentPeriod: rowLoader(
      (ids: readonly string[]) => stores.employmentPeriods.byIds(ids),
      (p) => p.id,
    ),
    employmentPeriodsOfPerson: byPerson((m, ids) => stores.employmentPeriods.byPersonIds(m, ids)),
    educationEnrolment: rowLoader(
      (ids: readonly string[]) => stores.education.byIds(ids),
      (e) => e.id,
    ),
    educationEnrolmentsOfPerson: byPerson((m, ids) => stores.education.byPersonIds(m, ids)),
    leisureJob: rowLoader(
      (ids: readonly string[]) => stores.leisureJobs.byIds(ids),
      (j) => j.id,
    ),
    leisureJobsOfPerson: byPerson((m, ids) => stores.leisureJobs.byPersonIds(m, ids)),
  };
}
