import { InputProblems } from '@helhed/errors';
import type { RiskStatus } from './risk.entity';
import { changed, checkCaseworkerOf, optionalText, requiredText, type CaseworkerFacts } from './fields';

export interface RiskInput {
  projectId: string;
  description: string;
  likelihood: number;
  impact: number;
  ownerId: string;
  mitigation?: string | null;
  status?: RiskStatus | null;
}

export interface RiskChanges {
  id: string;
  description?: string | null;
  likelihood?: number | null;
  impact?: number | null;
  ownerId?: string | null;
  mitigation?: string | null;
  status?: RiskStatus | null;
  reason?: string | null;
}

export interface ValidRisk {
  description: string;
  likelihood: number;
  impact: number;
  ownerId: string;
  mitigation: string | null;
  status: RiskStatus;
}

export interface RiskFacts {
  municipality: string;
  /** False when the project named does not exist in the caller's municipality (new risks only). */
  projectFound?: boolean;
  /** The caseworker named as owner, or null when no caseworker has that id. */
  owner: CaseworkerFacts | null;
}

/** The risk's score: likelihood × impact, 1-25. */
export const riskScore = (r: { likelihood: number; impact: number }): number => r.likelihood * r.impact;

const onScale = (v: number) => Number.isInteger(v) && v >= 1 && v <= 5;

/** Checks a risk as a whole and reports every problem with its input path. */
export function validateRisk(values: Omit<RiskInput, 'projectId'>, facts: RiskFacts): ValidRisk {
  const problems = new InputProblems();
  if (facts.projectFound === false) {
    problems.add('input.projectId', 'There is no project with this id in your municipality');
  }
  const description = requiredText(problems, 'input.description', values.description, 2000, 'A description');
  if (!onScale(values.likelihood))
    problems.add('input.likelihood', 'Likelihood is scored 1 (rare) to 5 (almost certain)');
  if (!onScale(values.impact)) problems.add('input.impact', 'Impact is scored 1 (negligible) to 5 (severe)');
  checkCaseworkerOf(problems, 'input.ownerId', facts.owner, facts.municipality, "risk's owner");
  const mitigation = optionalText(problems, 'input.mitigation', values.mitigation, 2000, 'A mitigation');
  problems.throwIfAny();
  return {
    description,
    likelihood: values.likelihood,
    impact: values.impact,
    ownerId: values.ownerId,
    mitigation,
    status: values.status ?? 'OPEN',
  };
}

/** A risk after the changes asked for: a field left out keeps its value; a null mitigation clears it. */
export function mergeRiskChanges(current: ValidRisk, input: RiskChanges): Omit<RiskInput, 'projectId'> {
  return {
    description: input.description ?? current.description,
    likelihood: input.likelihood ?? current.likelihood,
    impact: input.impact ?? current.impact,
    ownerId: input.ownerId ?? current.ownerId,
    mitigation: changed(input.mitigation, current.mitigation),
    status: input.status ?? current.status,
  };
}

export const riskValues = (r: ValidRisk): ValidRisk => ({
  description: r.description,
  likelihood: r.likelihood,
  impact: r.impact,
  ownerId: r.ownerId,
  mitigation: r.mitigation,
  status: r.status,
});
