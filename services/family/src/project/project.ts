import { InputProblems } from '@helhed/errors';
import type { Role } from '@helhed/identity';
import { changed, checkCaseworkerOf, optionalText, requiredText, type CaseworkerFacts } from './fields';

export interface ProjectInput {
  name: string;
  startsOn: string;
  endsOn: string;
  projectLeadId: string;
  targetFamilyCount: number;
  description?: string | null;
}

export interface ProjectChanges {
  id: string;
  name?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  projectLeadId?: string | null;
  targetFamilyCount?: number | null;
  description?: string | null;
  reason?: string | null;
}

export interface ValidProject {
  name: string;
  startsOn: string;
  endsOn: string;
  projectLeadId: string;
  targetFamilyCount: number;
  description: string | null;
}

export interface ProjectFacts {
  /** The caller's municipality. */
  municipality: string;
  /** The caseworker named as project lead, or null when no caseworker has that id. */
  projectLead: CaseworkerFacts | null;
}

export const MAX_TARGET_FAMILIES = 10_000;

/** Project leads and administrators set up and steer the project; others only read it. */
export const mayManageProjects = (roles: readonly Role[]): boolean =>
  roles.includes('PROJECT_LEAD') || roles.includes('ADMIN');

/** Checks a project's values as a whole and reports every problem with its input path. */
export function validateProject(input: ProjectInput, facts: ProjectFacts): ValidProject {
  const problems = new InputProblems();
  const name = requiredText(problems, 'input.name', input.name, 200, 'A project name');
  if (input.endsOn < input.startsOn) {
    problems.add('input.endsOn', `The project cannot end (${input.endsOn}) before it starts (${input.startsOn})`);
  }
  checkCaseworkerOf(problems, 'input.projectLeadId', facts.projectLead, facts.municipality, 'project lead');
  if (!Number.isInteger(input.targetFamilyCount) || input.targetFamilyCount < 1) {
    problems.add('input.targetFamilyCount', 'The target is at least 1 family');
  } else if (input.targetFamilyCount > MAX_TARGET_FAMILIES) {
    problems.add('input.targetFamilyCount', `The target is at most ${MAX_TARGET_FAMILIES} families`);
  }
  const description = optionalText(problems, 'input.description', input.description, 2000, 'A description');
  problems.throwIfAny();
  return {
    name,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    projectLeadId: input.projectLeadId,
    targetFamilyCount: input.targetFamilyCount,
    description,
  };
}

/** The project after the changes asked for (a field left out or null keeps its value; a null description clears it). */
export function mergeProjectChanges(current: ValidProject, input: ProjectChanges): ProjectInput {
  return {
    name: input.name ?? current.name,
    startsOn: input.startsOn ?? current.startsOn,
    endsOn: input.endsOn ?? current.endsOn,
    projectLeadId: input.projectLeadId ?? current.projectLeadId,
    targetFamilyCount: input.targetFamilyCount ?? current.targetFamilyCount,
    description: changed(input.description, current.description),
  };
}

/** The first and last days the project's enrolments cover (null when it has none). */
export interface EnrolmentSpan {
  firstEnrolledOn: string;
  /** The latest enrolment or end day. */
  lastDay: string;
}

/** A project's period may not be changed so that families already enrolled fall outside it. */
export function checkPeriodKeepsEnrolments(period: { startsOn: string; endsOn: string }, span: EnrolmentSpan | null) {
  const problems = new InputProblems();
  if (span && span.firstEnrolledOn < period.startsOn) {
    problems.add(
      'input.startsOn',
      `A family was enrolled on ${span.firstEnrolledOn}; the project cannot start after that`,
    );
  }
  if (span && span.lastDay > period.endsOn) {
    problems.add(
      'input.endsOn',
      `The project's enrolments run until ${span.lastDay}; the project cannot end before that`,
    );
  }
  problems.throwIfAny();
}

/** The values of a project that matter to its rules and history. */
export const projectValues = (p: ValidProject): ValidProject => ({
  name: p.name,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  projectLeadId: p.projectLeadId,
  targetFamilyCount: p.targetFamilyCount,
  description: p.description,
});

export const sameProject = (a: ValidProject, b: ValidProject): boolean =>
  JSON.stringify(projectValues(a)) === JSON.stringify(projectValues(b));
