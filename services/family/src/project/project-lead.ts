import type { Identity } from '@helhed/identity';

/** An enrolment of a family in a project, as far as "who leads the family's project" is concerned. */
export interface EnrolmentTerms {
  projectId: string;
}

/** A project, as far as its lead is concerned. */
export interface ProjectLeadTerms {
  id: string;
  municipalityCode: string;
  projectLeadId: string;
}

/**
 * Whether the caller is the project lead of a project the family is or was
 * enrolled in: the caller has the PROJECT_LEAD role and is (by caseworker id =
 * user id) the lead of one of the family's projects, current or ended. An
 * ended enrolment counts because the project's monthly reports and indicator
 * movement still cover the months the family took part; a lead of another
 * project, or a PROJECT_LEAD who leads none of the family's projects, is not.
 */
export function leadsProjectOfFamily(
  identity: Identity,
  enrolments: readonly EnrolmentTerms[],
  projects: ReadonlyArray<ProjectLeadTerms | null | undefined>,
): boolean {
  if (!identity.roles.includes('PROJECT_LEAD')) return false;
  const enrolled = new Set(enrolments.map((e) => e.projectId));
  return projects.some(
    (p) =>
      p != null &&
      enrolled.has(p.id) &&
      p.municipalityCode === identity.municipality &&
      p.projectLeadId === identity.userId,
  );
}
