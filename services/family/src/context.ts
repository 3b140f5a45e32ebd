import { EvaluatorKeyStore } from './evaluator-export/evaluator-key-store';
import type { DataSource } from 'typeorm';
import { AuditLogReader, type AuditTrail } from '@helhed/audit';
import { AccessLogPersonStore } from './access-log/access-log-store';
import { groupLoader, rowLoader } from '@helhed/db';
import type { BaseContext } from '@helhed/server';
import { CaseworkerStore } from './caseworker/caseworker-store';
import { createCivilSocietyLoaders, createCivilSocietyStores } from './civil-society/civil-society-context';
import { createConsentLoaders, createConsentStores } from './consent/consent-context';
import type { CprVault } from './cpr/cpr-vault';
import { FamilyStore } from './family/family-store';
import { HistoryStore } from '@helhed/history';
import { MunicipalityStore } from './municipality/municipality-store';
import { PersonStore } from './person/person-store';
import { createPlanLoaders, createPlanStores } from './plan/plan-context';
import { createProjectLoaders, createProjectStores } from './project/project-context';
import { createRegistrationLoaders, createRegistrationStores } from './registration/registration-context';
import { TeamStore } from './team/team-store';

/** The service's long-lived parts, made once per process. */
export function createStores(db: DataSource, vault: CprVault) {
  const history = new HistoryStore(db);
  return {
    history,
    auditLog: new AuditLogReader(db),
    accessLogPersons: new AccessLogPersonStore(db, vault),
    ...createProjectStores(db, history),
    ...createConsentStores(db, history),
    ...createCivilSocietyStores(db, history),
    ...createPlanStores(db, history),
    ...createRegistrationStores(db, history),
    municipalities: new MunicipalityStore(db),
    caseworkers: new CaseworkerStore(db),
    families: new FamilyStore(db, vault, history),
    persons: new PersonStore(db, vault, history),
    team: new TeamStore(db, history),
    evaluatorKeys: new EvaluatorKeyStore(db),
  };
}
export type Stores = ReturnType<typeof createStores>;

/** Per-request DataLoaders: one statement per entity kind, however large the answer. */
export function createLoaders(stores: Stores) {
  return {
    ...createProjectLoaders(stores),
    ...createConsentLoaders(stores),
    ...createCivilSocietyLoaders(stores),
    ...createPlanLoaders(stores),
    ...createRegistrationLoaders(stores),
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
    formerMembersOfFamily: groupLoader(
      (ids: readonly string[]) => stores.persons.formerByFamilyIds(ids),
      (p) => p.familyId,
    ),
    teamMember: rowLoader(
      (ids: readonly string[]) => stores.team.membersByIds(ids),
      (m) => m.id,
    ),
    teamOfFamily: groupLoader(
      (ids: readonly string[]) => stores.team.membershipsByFamilyIds(ids),
      (m) => m.familyId,
    ),
    contactPersonAssignmentsOfFamily: groupLoader(
      (ids: readonly string[]) => stores.team.assignmentsByFamilyIds(ids),
      (a) => a.familyId,
    ),
  };
}

export interface FamilyContext extends BaseContext {
  stores: Stores;
  loaders: ReturnType<typeof createLoaders>;
  /** Today in Denmark, fixed for the request. */
  today: string;
  /** From this age a young person consents for themselves (CONSENT_OWN_AGE). */
  consentOwnAge: number;
  /** The request's reads of persons' data, written in one insert at its end. */
  audit: AuditTrail;
}
