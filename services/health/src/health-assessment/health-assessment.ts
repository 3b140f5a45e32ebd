import { InputProblems } from '@helhed/errors';
import { isRealDate } from '../dates';
import { isUuid } from '../ids';

/** The areas a health assessment has findings for; the schema's `HealthArea` lists the same, in this order. */
export const HEALTH_AREAS = ['PHYSICAL', 'MENTAL', 'SUBSTANCE_USE', 'MEDICATION', 'DENTAL', 'SLEEP', 'OTHER'] as const;
export type HealthArea = (typeof HEALTH_AREAS)[number];

/** The VUM scale: 0 no limitation … 4 total limitation, or 9 not relevant (judged so). */
export const VUM_SEVERITIES: readonly number[] = [0, 1, 2, 3, 4, 9];

export interface HealthFindingInput {
  area: HealthArea;
  severity: number;
  dailyLifeConsequences?: string | null;
  workConsequences?: string | null;
  ownView?: string | null;
  recommendations?: string | null;
}

/** A finding as stored (one JSON element of `health_assessment.findings`). */
export interface HealthFinding {
  area: HealthArea;
  severity: number;
  dailyLifeConsequences: string | null;
  workConsequences: string | null;
  ownView: string | null;
  recommendations: string | null;
}

export interface HealthAssessmentInput {
  personId: string;
  assessedOn: string;
  physical?: string | null;
  mental?: string | null;
  substanceUse?: string | null;
  recommendations?: string | null;
  summaryForTeam: string;
  findings?: HealthFindingInput[] | null;
}

/** A revision: a field left out is kept; `findings`, when given, replaces all findings. */
export interface ReviseHealthAssessmentInput {
  assessmentId: string;
  assessedOn?: string | null;
  physical?: string | null;
  mental?: string | null;
  substanceUse?: string | null;
  recommendations?: string | null;
  summaryForTeam?: string | null;
  findings?: HealthFindingInput[] | null;
  reason?: string | null;
}

export interface ValidHealthAssessment {
  personId: string;
  assessedOn: string;
  physical: string | null;
  mental: string | null;
  substanceUse: string | null;
  recommendations: string | null;
  summaryForTeam: string;
  findings: HealthFinding[];
}

export const MAX_FINDINGS_LENGTH = 4000;
export const MAX_SUMMARY_LENGTH = 1000;
export const MAX_REASON_LENGTH = 500;

const FINDINGS = ['physical', 'mental', 'substanceUse', 'recommendations'] as const;
const FINDING_TEXTS = ['dailyLifeConsequences', 'workConsequences', 'ownView', 'recommendations'] as const;

const text = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
};

/** Checks findings per area (one per area, severity on the VUM scale), in area order. */
function validateFindings(problems: InputProblems, findings: readonly HealthFindingInput[]): HealthFinding[] {
  const seen = new Set<string>();
  const valid: HealthFinding[] = [];
  findings.forEach((finding, i) => {
    const at = `input.findings[${i}]`;
    if (!HEALTH_AREAS.includes(finding.area)) problems.add(`${at}.area`, 'Unknown health area');
    else if (seen.has(finding.area)) problems.add(`${at}.area`, `The area ${finding.area} is given twice`);
    seen.add(finding.area);
    if (!VUM_SEVERITIES.includes(finding.severity)) {
      problems.add(`${at}.severity`, 'A severity is on the VUM scale: 0-4, or 9 for not relevant');
    }
    const texts = {} as Record<(typeof FINDING_TEXTS)[number], string | null>;
    for (const key of FINDING_TEXTS) {
      texts[key] = text(finding[key]);
      if ((texts[key]?.length ?? 0) > MAX_FINDINGS_LENGTH) {
        problems.add(`${at}.${key}`, `At most ${MAX_FINDINGS_LENGTH} characters`);
      }
    }
    valid.push({ area: finding.area, severity: finding.severity, ...texts });
  });
  const order = (f: HealthFinding) => HEALTH_AREAS.indexOf(f.area);
  return valid.sort((a, b) => order(a) - order(b));
}

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

  const texts = {} as Record<(typeof FINDINGS)[number], string | null>;
  for (const field of FINDINGS) {
    texts[field] = text(input[field]);
    if ((texts[field]?.length ?? 0) > MAX_FINDINGS_LENGTH) {
      problems.add(`input.${field}`, `At most ${MAX_FINDINGS_LENGTH} characters`);
    }
  }

  const summaryForTeam = input.summaryForTeam.trim();
  if (summaryForTeam.length === 0 || summaryForTeam.length > MAX_SUMMARY_LENGTH) {
    problems.add('input.summaryForTeam', `A summary for the team is 1-${MAX_SUMMARY_LENGTH} characters`);
  }
  const findings = validateFindings(problems, input.findings ?? []);

  problems.throwIfAny();
  return { personId, assessedOn: input.assessedOn, ...texts, summaryForTeam, findings };
}

/**
 * The assessment after a revision: the current values with the given ones in
 * their place, checked as a whole (same rules and field paths as recording).
 */
export function planHealthAssessmentRevision(
  current: ValidHealthAssessment,
  input: ReviseHealthAssessmentInput,
  today: string,
): { assessment: ValidHealthAssessment; reason: string | null } {
  const given = <K extends keyof ReviseHealthAssessmentInput>(key: K) => input[key] !== undefined;
  const reason = text(input.reason);
  const next = validateHealthAssessment(
    {
      personId: current.personId,
      assessedOn: input.assessedOn ?? current.assessedOn,
      physical: given('physical') ? input.physical : current.physical,
      mental: given('mental') ? input.mental : current.mental,
      substanceUse: given('substanceUse') ? input.substanceUse : current.substanceUse,
      recommendations: given('recommendations') ? input.recommendations : current.recommendations,
      summaryForTeam: input.summaryForTeam ?? current.summaryForTeam,
      findings: input.findings ?? current.findings,
    },
    today,
  );
  if ((reason?.length ?? 0) > MAX_REASON_LENGTH) {
    const problems = new InputProblems();
    problems.add('input.reason', `At most ${MAX_REASON_LENGTH} characters`);
    problems.throwIfAny();
  }
  return { assessment: next, reason };
}
