import { InputProblems } from '@helhed/errors';
import { isRealDate } from '../dates';
import { isUuid } from '../ids';

export interface HealthAssessmentInput {
  personId: string;
  assessedOn: string;
  physical?: string | null;
  mental?: string | null;
  substanceUse?: string | null;
  recommendations?: string | null;
  summaryForTeam: string;
}

export interface ValidHealthAssessment {
  personId: string;
  assessedOn: string;
  physical: string | null;
  mental: string | null;
  substanceUse: string | null;
  recommendations: string | null;
  summaryForTeam: string;
}

export const MAX_FINDINGS_LENGTH = 4000;
export const MAX_SUMMARY_LENGTH = 1000;

const FINDINGS = ['physical', 'mental', 'substanceUse', 'recommendations'] as const;

/**
 * Checks a health assessment to record and reports every problem with its
 * input path, so nothing is written unless all of it is right. Optional texts
 * are trimmed; an empty one is stored as null.
 */
export function validateHealthAssessment(input: HealthAssessmentInput, today: string): ValidHealthAssessment {
  const problems = new InputProblems();
  const personId = input.personId.trim().toLowerCase();
  if (!isUuid(personId)) problems.add('input.personId', 'A person id is a UUID (the id from the family subgraph)');
  if (!isRealDate(input.assessedOn)) {
    problems.add('input.assessedOn', 'The assessment date is written YYYY-MM-DD and is a real date');
  } else if (input.assessedOn > today) {
    problems.add('input.assessedOn', 'The assessment date cannot be in the future');
  }

  const findings = {} as Record<(typeof FINDINGS)[number], string | null>;
  for (const field of FINDINGS) {
    const text = input[field]?.trim() ?? '';
    if (text.length > MAX_FINDINGS_LENGTH) problems.add(`input.${field}`, `At most ${MAX_FINDINGS_LENGTH} characters`);
    findings[field] = text.length > 0 ? text : null;
  }

  const summaryForTeam = input.summaryForTeam.trim();
  if (summaryForTeam.length === 0 || summaryForTeam.length > MAX_SUMMARY_LENGTH) {
    problems.add('input.summaryForTeam', `A summary for the team is 1-${MAX_SUMMARY_LENGTH} characters`);
  }

  problems.throwIfAny();
  return { personId, assessedOn: input.assessedOn, ...findings, summaryForTeam };
}
