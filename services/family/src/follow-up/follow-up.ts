import { InputProblems, UserInputError } from '@helhed/errors';
import type { ActivityStatus } from '../activity/plan-activity.entity';
import { isFinished } from '../activity/plan-activity';
import type { CaseworkerFact } from '../assessment/assessment';
import type { FamilyPlanStatus, GoalStatus } from '../plan/plan.entity';
import { addWeeks, checkDistinct, checkText, namesRow, optionalText } from '../plan/plan-rules';

export interface PlanFollowUpInput {
  planId?: string | null;
  activityId?: string | null;
  plannedOn: string;
  participantIds?: string[] | null;
  otherParticipants?: string[] | null;
}

export interface GoalProgressInput {
  goalId: string;
  status: GoalStatus;
  note?: string | null;
}

/** A held follow-up: one planned before (`followUpId`), or one recorded directly on a plan or an activity. */
export interface RecordFollowUpInput {
  followUpId?: string | null;
  planId?: string | null;
  activityId?: string | null;
  plannedOn?: string | null;
  heldOn: string;
  participantIds?: string[] | null;
  otherParticipants?: string[] | null;
  outcome: string;
  goalProgress?: GoalProgressInput[] | null;
}

/** What a follow-up is about: the plan as a whole, one activity, or (when recording) one planned follow-up. */
export type FollowUpTarget =
  { kind: 'plan'; id: string } | { kind: 'activity'; id: string } | { kind: 'followUp'; id: string };

/** What the rules need to know, read in the writing transaction (and the caseworkers named). */
export interface FollowUpFacts {
  municipalityCode: string;
  plan: { status: FamilyPlanStatus; startsOn: string };
  activity: { status: ActivityStatus; startsOn: string } | null;
  caseworkers: ReadonlyMap<string, CaseworkerFact>;
}

export interface HeldFollowUpFacts extends FollowUpFacts {
  /** The planned follow-up being recorded as held; null when recorded directly. */
  existing: { plannedOn: string; heldOn: string | null } | null;
  /** The plan's current goals: status, and the day of their latest status change. */
  goals: ReadonlyMap<string, { status: GoalStatus; lastChangedOn: string | null }>;
}

export interface ValidPlannedFollowUp {
  plannedOn: string;
  participantIds: string[];
  otherParticipants: string[];
}

export interface ValidHeldFollowUp {
  plannedOn: string;
  heldOn: string;
  outcome: string;
  /** The participants; null keeps those of the planned follow-up. */
  participantIds: string[] | null;
  otherParticipants: string[] | null;
  progress: Array<{ goalId: string; status: GoalStatus; note: string | null }>;
  /** The goals whose status the progress changes. */
  goalStatuses: Array<{ goalId: string; status: GoalStatus; note: string | null }>;
}

/**
 * When the next follow-up is due: the cadence counted from the last held
 * follow-up, or from the start when none has been held. None for what has ended.
 */
export function nextFollowUpDue(
  subject: { startsOn: string; followUpCadenceWeeks: number; ended: boolean },
  lastHeldOn: string | null,
): string | null {
  if (subject.ended) return null;
  return addWeeks(lastHeldOn ?? subject.startsOn, subject.followUpCadenceWeeks);
}

/** An open plan or a running activity, with what decides when its next follow-up is due. */
export interface FollowUpDueCandidate {
  kind: 'PLAN' | 'ACTIVITY';
  id: string;
  familyId: string;
  caseReference: string;
  startsOn: string;
  followUpCadenceWeeks: number;
  lastHeldOn: string | null;
  /** The plan: the family's contact person; an activity: its responsible caseworker. */
  responsibleId: string | null;
  projectLeadId: string | null;
}

/** A follow-up falling due: the candidate with its due day. */
export interface FollowUpDueItem extends FollowUpDueCandidate {
  dueOn: string;
}

/** The follow-ups due on or before `until`, earliest first (then by case reference, kind and id). */
export function followUpsDue(candidates: readonly FollowUpDueCandidate[], until: string): FollowUpDueItem[] {
  const due: FollowUpDueItem[] = [];
  for (const c of candidates) {
    const dueOn = nextFollowUpDue(
      { startsOn: c.startsOn, followUpCadenceWeeks: c.followUpCadenceWeeks, ended: false },
      c.lastHeldOn,
    );
    if (dueOn !== null && dueOn <= until) due.push({ ...c, dueOn });
  }
  return due.sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      a.caseReference.localeCompare(b.caseReference) ||
      a.kind.localeCompare(b.kind) ||
      a.id.localeCompare(b.id),
  );
}

/** Exactly one of the ids that say what a follow-up is about. */
export function targetOf(input: { followUpId?: string | null; planId?: string | null; activityId?: string | null }) {
  const given: FollowUpTarget[] = [];
  if (input.followUpId) given.push({ kind: 'followUp', id: input.followUpId });
  if (input.planId) given.push({ kind: 'plan', id: input.planId });
  if (input.activityId) given.push({ kind: 'activity', id: input.activityId });
  if (given.length !== 1) {
    const names = 'followUpId' in input ? 'followUpId, planId or activityId' : 'planId or activityId';
    throw new UserInputError(given[1] ? `input.${given[1].kind}Id` : 'input.planId', `Give exactly one of ${names}`);
  }
  return given[0]!;
}

/** The rules for planning a follow-up. */
export function validatePlannedFollowUp(input: PlanFollowUpInput, facts: FollowUpFacts): ValidPlannedFollowUp {
  const problems = new InputProblems();
  const targetField = input.activityId ? 'input.activityId' : 'input.planId';
  if (facts.plan.status !== 'OPEN') problems.add(targetField, 'The plan is closed');
  if (facts.activity && isFinished(facts.activity.status)) {
    problems.add('input.activityId', `The activity is ${facts.activity.status}: no more follow-ups are planned`);
  }
  checkNotBeforeStart(input.plannedOn, 'input.plannedOn', facts, problems);
  const participants = checkParticipants(input.participantIds ?? [], input.otherParticipants ?? [], facts, problems);
  problems.throwIfAny();
  return { plannedOn: input.plannedOn, ...participants };
}

/** The rules for a held follow-up, and which goals' status the recorded progress changes. */
export function validateHeldFollowUp(
  input: RecordFollowUpInput,
  facts: HeldFollowUpFacts,
  today: string,
): ValidHeldFollowUp {
  const problems = new InputProblems();
  const targetField = input.followUpId ? 'input.followUpId' : input.activityId ? 'input.activityId' : 'input.planId';
  if (facts.plan.status !== 'OPEN') problems.add(targetField, 'The plan is closed');
  if (facts.existing?.heldOn) {
    problems.add('input.followUpId', `The follow-up was already held (${facts.existing.heldOn})`);
  }
  if (facts.existing && input.plannedOn) {
    problems.add('input.plannedOn', 'A planned follow-up keeps its planned date');
  }
  const plannedOn = facts.existing?.plannedOn ?? input.plannedOn ?? input.heldOn;
  if (!facts.existing && input.plannedOn) checkNotBeforeStart(input.plannedOn, 'input.plannedOn', facts, problems);
  checkNotBeforeStart(input.heldOn, 'input.heldOn', facts, problems);
  if (input.heldOn > today)
    problems.add(
      'input.heldOn',
      'A follow-up is not recorded as held before the day it is held (the date is in the future)',
    );
  const outcome = checkText(input.outcome, 'input.outcome', 'The outcome', { min: 1, max: 4000 }, problems);
  const keep = facts.existing !== null;
  const participants = checkParticipants(input.participantIds ?? [], input.otherParticipants ?? [], facts, problems);

  const progressInput = input.goalProgress ?? [];
  checkDistinct(
    progressInput.map((p) => p.goalId),
    'input.goalProgress',
    'goal',
    problems,
  );
  const progress = progressInput.map((p, i) => {
    const at = `input.goalProgress[${i}]`;
    if (!namesRow(p.goalId) || !facts.goals.has(p.goalId)) {
      problems.add(`${at}.goalId`, "Progress is recorded for the plan's current goals only");
    }
    return { goalId: p.goalId, status: p.status, note: optionalText(p.note, `${at}.note`, 'A note', 1000, problems) };
  });
  problems.throwIfAny();

  // A goal takes the status judged here unless a later judgement already set it.
  const goalStatuses = progress.filter((p) => {
    const goal = facts.goals.get(p.goalId)!;
    return goal.status !== p.status && (goal.lastChangedOn === null || goal.lastChangedOn <= input.heldOn);
  });
  return {
    plannedOn,
    heldOn: input.heldOn,
    outcome,
    participantIds: keep && !input.participantIds ? null : participants.participantIds,
    otherParticipants: keep && !input.otherParticipants ? null : participants.otherParticipants,
    progress,
    goalStatuses,
  };
}

/** A follow-up is not before the plan (or the activity) starts. */
function checkNotBeforeStart(date: string, field: string, facts: FollowUpFacts, problems: InputProblems) {
  if (facts.activity && date < facts.activity.startsOn) {
    problems.add(field, `The activity starts on ${facts.activity.startsOn}: it is not followed up before then`);
  } else if (!facts.activity && date < facts.plan.startsOn) {
    problems.add(field, `The plan starts on ${facts.plan.startsOn}: it is not followed up before then`);
  }
}

function checkParticipants(
  participantIds: string[],
  others: string[],
  facts: FollowUpFacts,
  problems: InputProblems,
): { participantIds: string[]; otherParticipants: string[] } {
  checkDistinct(participantIds, 'input.participantIds', 'caseworker', problems);
  participantIds.forEach((id, i) => {
    const caseworker = namesRow(id) ? facts.caseworkers.get(id) : null;
    if (!caseworker || caseworker.municipalityCode !== facts.municipalityCode) {
      problems.add(`input.participantIds[${i}]`, 'There is no caseworker with this id in your municipality');
    }
  });
  if (others.length > 20) problems.add('input.otherParticipants', 'At most 20 other participants');
  const otherParticipants = others.map((o, i) =>
    checkText(o, `input.otherParticipants[${i}]`, 'A participant', { min: 1, max: 200 }, problems),
  );
  return { participantIds: [...new Set(participantIds)], otherParticipants };
}
