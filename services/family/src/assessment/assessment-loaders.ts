import { groupLoader, rowLoader } from '@helhed/db';
import type { AssessmentStore } from './assessment-store';

/** Per-request DataLoaders of assessments: one statement per kind of row. */
export function assessmentLoaders(store: AssessmentStore) {
  return {
    /** An assessment's current version, by assessment id. */
    assessment: rowLoader(
      (ids: readonly string[]) => store.currentByAssessmentIds(ids),
      (v) => v.assessmentId,
    ),
    assessmentsOfFamily: groupLoader(
      (familyIds: readonly string[]) => store.currentOfFamilies(familyIds),
      (v) => v.familyId,
    ),
    versionsOfAssessment: groupLoader(
      (ids: readonly string[]) => store.versionsOf(ids),
      (v) => v.assessmentId,
    ),
    participantsOfVersion: groupLoader(
      (versionIds: readonly string[]) => store.participantsOf(versionIds),
      (p) => p.assessmentVersionId,
    ),
    findingsOfVersion: groupLoader(
      (versionIds: readonly string[]) => store.findingsOf(versionIds),
      (f) => f.assessmentVersionId,
    ),
  };
}
