import { InputProblems } from '@helhed/errors';
import type { Department } from '@helhed/identity';
import { checkDistinct, checkText, namesRow } from '../plan/plan-rules';
import { ASSESSMENT_DOMAINS, type AssessmentDomain } from './assessment.entity';

/** What the assessment found in one domain (each text may be empty, not all of them). */
export interface DomainFindingsInput {
  domain: AssessmentDomain;
  resources?: string | null;
  challenges?: string | null;
  wishes?: string | null;
  needs?: string | null;
}

export interface RecordAssessmentInput {
  familyId: string;
  assessedOn: string;
  participantIds: string[];
  domains: DomainFindingsInput[];
}

/** A revision: what is left out is kept; `domains` replaces the domains it names and keeps the others. */
export interface ReviseAssessmentInput {
  assessmentId: string;
  reason: string;
  assessedOn?: string | null;
  participantIds?: string[] | null;
  domains?: DomainFindingsInput[] | null;
}

export interface ValidFindings {
  domain: AssessmentDomain;
  resources: string;
  challenges: string;
  wishes: string;
  needs: string;
}

export interface ValidAssessment {
  assessedOn: string;
  participants: Array<{ caseworkerId: string; department: Department }>;
  findings: ValidFindings[];
}

/** A caseworker as the rules see one (null: no caseworker has the id). */
export type CaseworkerFact = { municipalityCode: string; department: Department } | null;

export interface ParticipantFacts {
  municipalityCode: string;
  /** The caseworkers the input names, by id. */
  caseworkers: ReadonlyMap<string, CaseworkerFact>;
}

export interface AssessmentFacts extends ParticipantFacts {
  familyStatus: string;
}

const TEXT_MAX = 4000;
const TEXTS = ['resources', 'challenges', 'wishes', 'needs'] as const;

/** The rules for a new assessment; reports every problem with its input path. */
export function validateNewAssessment(
  input: RecordAssessmentInput,
  facts: AssessmentFacts,
  today: string,
): ValidAssessment {
  const problems = new InputProblems();
  if (facts.familyStatus === 'CLOSED') {
    problems.add('input.familyId', "The family's effort has ended (status CLOSED)");
  }
  const valid = checkContent(input.assessedOn, input.participantIds, input.domains, facts, today, problems);
  problems.throwIfAny();
  return valid;
}

/** The rules for a revision: the merged new version must satisfy every rule of a new one. */
export function validateAssessmentRevision(
  input: ReviseAssessmentInput,
  current: ValidAssessment,
  facts: ParticipantFacts,
  today: string,
): ValidAssessment & { reason: string } {
  const problems = new InputProblems();
  const reason = checkText(input.reason, 'input.reason', 'A reason', { min: 1, max: 1000 }, problems);
  if (input.assessedOn === null) problems.add('input.assessedOn', 'An assessment keeps its date');
  const given = input.domains ?? [];
  const replaced = new Set(given.map((d) => d.domain));
  const valid = checkContent(
    input.assessedOn ?? current.assessedOn,
    input.participantIds ?? current.participants.map((p) => p.caseworkerId),
    [...given, ...current.findings.filter((f) => !replaced.has(f.domain))],
    facts,
    today,
    problems,
    // Kept participants keep the department they took part for.
    input.participantIds ? undefined : current.participants,
  );
  if (input.assessedOn && input.assessedOn < current.assessedOn) {
    problems.add('input.assessedOn', `A revision is dated on or after the version it revises (${current.assessedOn})`);
  }
  problems.throwIfAny();
  return { ...valid, reason };
}

function checkContent(
  assessedOn: string,
  participantIds: string[],
  domains: DomainFindingsInput[],
  facts: ParticipantFacts,
  today: string,
  problems: InputProblems,
  keptParticipants?: ValidAssessment['participants'],
): ValidAssessment {
  if (assessedOn > today) problems.add('input.assessedOn', 'An assessment is not dated in the future');

  if (participantIds.length === 0) problems.add('input.participantIds', 'An assessment has at least one participant');
  checkDistinct(participantIds, 'input.participantIds', 'caseworker', problems);
  const participants = keptParticipants ?? [];
  if (!keptParticipants) {
    participantIds.forEach((id, i) => {
      const caseworker = namesRow(id) ? facts.caseworkers.get(id) : null;
      if (!caseworker || caseworker.municipalityCode !== facts.municipalityCode) {
        problems.add(`input.participantIds[${i}]`, 'There is no caseworker with this id in your municipality');
        return;
      }
      if (!participants.some((p) => p.caseworkerId === id)) {
        participants.push({ caseworkerId: id, department: caseworker.department });
      }
    });
  }

  if (domains.length === 0) problems.add('input.domains', 'An assessment covers at least one domain');
  const seen = new Map<AssessmentDomain, number>();
  const findings = domains.map((d, i) => {
    const at = `input.domains[${i}]`;
    const earlier = seen.get(d.domain);
    if (earlier !== undefined) problems.add(`${at}.domain`, `The domain ${d.domain} is given at ${earlier} too`);
    seen.set(d.domain, i);
    const texts = Object.fromEntries(
      TEXTS.map((name) => [
        name,
        checkText(d[name], `${at}.${name}`, `The ${name} text`, { min: 0, max: TEXT_MAX }, problems),
      ]),
    ) as Record<(typeof TEXTS)[number], string>;
    if (TEXTS.every((name) => texts[name].length === 0)) {
      problems.add(at, `Write at least one of resources, challenges, wishes or needs for ${d.domain}`);
    }
    return { domain: d.domain, ...texts };
  });
  findings.sort((a, b) => ASSESSMENT_DOMAINS.indexOf(a.domain) - ASSESSMENT_DOMAINS.indexOf(b.domain));
  return { assessedOn, participants, findings };
}
