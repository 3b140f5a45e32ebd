import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { batchScheduleFn, groupLoader, rowLoader, type Page } from '@helhed/db';
import type { HistoryStore } from '@helhed/history';
import { EnrolmentStore, type EnrolmentPageKey } from './enrolment-store';
import { MilestoneStore } from './milestone-store';
import type { ProjectEnrolmentEntity } from './project-enrolment.entity';
import { ProjectStore } from './project-store';
import { RiskStore } from './risk-store';

/** The project module's stores, made once per process (spread into the service's stores). */
export function createProjectStores(db: DataSource, history: HistoryStore) {
  return {
    projects: new ProjectStore(db, history),
    enrolments: new EnrolmentStore(db, history),
    milestones: new MilestoneStore(db, history),
    risks: new RiskStore(db, history),
  };
}
export type ProjectStores = ReturnType<typeof createProjectStores>;

/** The project module's per-request loaders (spread into the service's loaders). */
export function createProjectLoaders(stores: ProjectStores) {
  return {
    project: rowLoader(
      (ids: readonly string[]) => stores.projects.byIds(ids),
      (p) => p.id,
    ),
    milestone: rowLoader(
      (ids: readonly string[]) => stores.milestones.byIds(ids),
      (m) => m.id,
    ),
    risk: rowLoader(
      (ids: readonly string[]) => stores.risks.byIds(ids),
      (r) => r.id,
    ),
    milestonesOfProject: groupLoader(
      (ids: readonly string[]) => stores.milestones.byProjectIds(ids),
      (m) => m.projectId,
    ),
    risksOfProject: groupLoader(
      (ids: readonly string[]) => stores.risks.byProjectIds(ids),
      (r) => r.projectId,
    ),
    enrolmentsOfFamily: groupLoader(
      (ids: readonly string[]) => stores.enrolments.byFamilyIds(ids),
      (e) => e.familyId,
    ),
    enrolmentPage: new DataLoader<EnrolmentPageKey, Page<ProjectEnrolmentEntity>, string>(
      (keys) => stores.enrolments.pages(keys),
      { cacheKeyFn: (key) => JSON.stringify(key), batchScheduleFn },
    ),
    /** Families enrolled on a day (the request's today), per project. */
    enrolledCount: new DataLoader<{ projectId: string; today: string }, number, string>(
      async (keys) => {
        const counts = new Map<string, number>();
        for (const today of new Set(keys.map((k) => k.today))) {
          const projectIds = keys.filter((k) => k.today === today).map((k) => k.projectId);
          for (const c of await stores.enrolments.currentCounts(projectIds, today)) {
            counts.set(`${c.projectId}|${today}`, c.count);
          }
        }
        return keys.map((k) => counts.get(`${k.projectId}|${k.today}`) ?? 0);
      },
      { cacheKeyFn: (key) => `${key.projectId}|${key.today}`, batchScheduleFn },
    ),
  };
}
