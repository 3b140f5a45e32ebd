import { InputProblems } from '@helhed/errors';
import type { FamilyPlanStatus, GoalStatus } from './plan.entity';
import { checkCadence, checkText, optionalText } from './plan-rules';

/** A phase as a caseworker writes it. */
export interface PhaseInput {
  name: string;
  startsOn: string;
  endsOn: string;
  focus: string;
}

/** A goal as a caseworker writes it; `id` names a goal the plan already has (revisions only). */
export interface GoalInput {
  id?: string | null;
  memberId?: string | null;
  description: string;
  targetDate: string;
}

export interface CreateFamilyPlanInput {
  familyId: string;
  basedOnAssessmentId?: string | null;
  startsOn: string;
  followUpCadenceWeeks: number;
  phases: PhaseInput[];
  goals: GoalInput[];
}

/** A revision: what is left out stays as it is; `phases` and `goals`, when given, are the whole new lists. */
export interface ReviseFamilyPlanInput {
  planId: string;
  reason: string;
  basedOnAssessmentId?: string | null;
  startsOn?: string | null;
  followUpCadenceWeeks?: number | null;
  phases?: PhaseInput[] | null;
  goals?: GoalInput[] | null;
}

export interface CloseFamilyPlanInput {
  planId: string;
  closedOn: string;
  reason: string;
}

export interface UpdateGoalStatusInput {
  goalId: string;
  status: GoalStatus;
  note?: string | null;
}

export interface ValidPhase {
  name: string;
  startsOn: string;
  endsOn: string;
  focus: string;
}

export interface ValidGoal {
  /** The goal's id when the plan already has it; null for a new goal. */
  id: string | null;
  memberId: string | null;
  description: string;
  targetDate: string;
}

/** A plan version's content, checked. */
export interface ValidPlanContent {
  startsOn: string;
  followUpCadenceWeeks: number;
  basedOnAssessmentId: string | null;
  phases: ValidPhase[];
  goals: ValidGoal[];
}

export interface ValidRevision extends ValidPlanContent {
  reason: string;
  /** Goals of the current version that the new version no longer has. */
  removedGoalIds: string[];
}

/** What the rules need to know about the family (read in the writing transaction). */
export interface FamilyFacts {
  familyStatus: string;
  /** The family's current members. */
  memberIds: ReadonlySet<string>;
  /** The family whose assessment `basedOnAssessmentId` names; null when it names none. */
  assessmentFamilyId: string | null;
  familyId: string;
}

export interface NewPlanFacts extends FamilyFacts {
  /** The version of the family's open plan, when it has one. */
  openPlanVersion: number | null;
}

export interface CurrentPlan {
  status: FamilyPlanStatus;
  startsOn: string;
  followUpCadenceWeeks: number;
  basedOnAssessmentId: string | null;
  version: number;
}

export interface RevisionFacts extends FamilyFacts {
  plan: CurrentPlan;
  phases: ValidPhase[];
  goals: ValidGoal[];
  /** Goals that a planned or active activity serves: they cannot leave the plan. */
  goalsServedByOpenActivities: ReadonlySet<string>;
}

const REASON_MAX = 1000;

/** The rules for a new plan; reports every problem with its input path. */
export function validateNewPlan(input: CreateFamilyPlanInput, facts: NewPlanFacts): ValidPlanContent {
  const problems = new InputProblems();
  if (facts.familyStatus === 'CLOSED') {
    problems.add('input.familyId', "The family's effort has ended (status CLOSED): it gets no new plan");
  }
  if (facts.openPlanVersion !== null) {
    problems.add(
      'input.familyId',
      `The family already has an open plan (version ${facts.openPlanVersion}): revise it, or close it first`,
    );
  }
  const content = checkContent(
    {
      startsOn: input.startsOn,
      followUpCadenceWeeks: input.followUpCadenceWeeks,
      basedOnAssessmentId: input.basedOnAssessmentId ?? null,
      phases: input.phases,
      goals: input.goals.map((g) => ({ ...g, id: null })),
    },
    facts,
    problems,
  );
  problems.throwIfAny();
  return content;
}

/** The rules for a revision: the merged new version must satisfy every rule of a new plan. */
export function validateRevision(input: ReviseFamilyPlanInput, facts: RevisionFacts): ValidRevision {
  const problems = new InputProblems();
  const { plan } = facts;
  if (plan.status !== 'OPEN') problems.add('input.planId', 'A closed plan is not revised: create a new plan');
  const reason = checkText(input.reason, 'input.reason', 'A reason', { min: 1, max: REASON_MAX }, problems);
  if (input.startsOn === null) problems.add('input.startsOn', 'A plan keeps a start date');
  if (input.followUpCadenceWeeks === null) problems.add('input.followUpCadenceWeeks', 'A plan keeps a cadence');

  const current = new Map(facts.goals.map((g) => [g.id!, g]));
  const goals: Array<GoalInput & { id: string | null }> = input.goals
    ? input.goals.map((g) => ({ ...g, id: g.id ?? null }))
    : facts.goals;
  if (input.goals) {
    const seen = new Map<string, number>();
    input.goals.forEach((g, i) => {
      if (!g.id) return;
      const earlier = seen.get(g.id);
      if (earlier !== undefined) problems.add(`input.goals[${i}].id`, `The same goal is given at ${earlier} too`);
      else if (!current.has(g.id)) problems.add(`input.goals[${i}].id`, 'The plan has no current goal with this id');
      seen.set(g.id, i);
    });
    for (const goal of facts.goals) {
      if (!seen.has(goal.id!) && facts.goalsServedByOpenActivities.has(goal.id!)) {
        problems.add(
          'input.goals',
          `The goal "${goal.description}" is served by a planned or active activity: keep it, or point the activity at another goal first`,
        );
      }
    }
  }
  const content = checkContent(
    {
      startsOn: input.startsOn ?? plan.startsOn,
      followUpCadenceWeeks: input.followUpCadenceWeeks ?? plan.followUpCadenceWeeks,
      basedOnAssessmentId:
        input.basedOnAssessmentId === undefined ? plan.basedOnAssessmentId : input.basedOnAssessmentId,
      phases: input.phases ?? facts.phases,
      goals,
    },
    facts,
    problems,
    {
      basedOnChanged: input.basedOnAssessmentId !== undefined,
      // Kept lists that a new start date no longer fits are the start date's problem.
      phasesField: input.phases ? null : 'input.startsOn',
      goalsField: input.goals ? null : 'input.startsOn',
    },
  );
  problems.throwIfAny();
  const kept = new Set(content.goals.map((g) => g.id).filter((id) => id !== null));
  return {
    ...content,
    reason,
    removedGoalIds: facts.goals.map((g) => g.id!).filter((id) => !kept.has(id)),
  };
}

/** The rules for closing: an open plan, a real date, a reason, and no activity left running. */
export function validateClose(
  input: CloseFamilyPlanInput,
  facts: { plan: CurrentPlan; openActivities: number },
  today: string,
): { closedOn: string; reason: string } {
  const problems = new InputProblems();
  if (facts.plan.status !== 'OPEN') problems.add('input.planId', 'The plan is already closed');
  if (facts.openActivities > 0) {
    problems.add(
      'input.planId',
      `${facts.openActivities} of the plan's activities are still planned or active: complete or cancel them first`,
    );
  }
  if (input.closedOn < facts.plan.startsOn) {
    problems.add('input.closedOn', `A plan is not closed before it starts (${facts.plan.startsOn})`);
  }
  if (input.closedOn > today) problems.add('input.closedOn', 'A plan is not closed in advance');
  const reason = checkText(input.reason, 'input.reason', 'A reason', { min: 1, max: REASON_MAX }, problems);
  problems.throwIfAny();
  return { closedOn: input.closedOn, reason };
}

/** The rules for setting a goal's status by hand. */
export function validateGoalStatus(
  input: UpdateGoalStatusInput,
  facts: { planStatus: FamilyPlanStatus; removed: boolean },
): { status: GoalStatus; note: string | null } {
  const problems = new InputProblems();
  if (facts.planStatus !== 'OPEN') problems.add('input.goalId', "The goal's plan is closed");
  if (facts.removed) problems.add('input.goalId', 'The goal is no longer part of the plan');
  const note = optionalText(input.note, 'input.note', 'A note', REASON_MAX, problems);
  problems.throwIfAny();
  return { status: input.status, note };
}

function checkContent(
  content: {
    startsOn: string;
    followUpCadenceWeeks: number;
    basedOnAssessmentId: string | null;
    phases: PhaseInput[];
    goals: Array<GoalInput & { id: string | null }>;
  },
  facts: FamilyFacts,
  problems: InputProblems,
  options: { basedOnChanged: boolean; phasesField: string | null; goalsField: string | null } = {
    basedOnChanged: true,
    phasesField: null,
    goalsField: null,
  },
): ValidPlanContent {
  checkCadence(content.followUpCadenceWeeks, 'input.followUpCadenceWeeks', problems);
  if (content.basedOnAssessmentId && options.basedOnChanged && facts.assessmentFamilyId !== facts.familyId) {
    problems.add('input.basedOnAssessmentId', 'The family has no assessment with this id');
  }
  const phases = checkPhases(content.phases, content.startsOn, problems, options.phasesField);
  if (content.goals.length === 0) problems.add('input.goals', 'A plan has at least one goal');
  const goals = content.goals.map((goal, i): ValidGoal => {
    const at = `input.goals[${i}]`;
    const field = (name: string) => options.goalsField ?? `${at}.${name}`;
    const description = checkText(goal.description, `${at}.description`, 'A goal', { min: 1, max: 1000 }, problems);
    const memberId = goal.memberId ?? null;
    if (memberId !== null && !facts.memberIds.has(memberId)) {
      problems.add(
        field('memberId'),
        'A goal is for a current member of this family (or, without a member, the family)',
      );
    }
    if (goal.targetDate < content.startsOn) {
      problems.add(field('targetDate'), `A goal's target date is on or after the plan's start (${content.startsOn})`);
    }
    return { id: goal.id, memberId, description, targetDate: goal.targetDate };
  });
  return {
    startsOn: content.startsOn,
    followUpCadenceWeeks: content.followUpCadenceWeeks,
    basedOnAssessmentId: content.basedOnAssessmentId,
    phases,
    goals,
  };
}

/** Phases lie within the plan, end on or after they start, and do not overlap one another. */
function checkPhases(
  phases: PhaseInput[],
  planStartsOn: string,
  problems: InputProblems,
  keptField: string | null,
): ValidPhase[] {
  const valid = phases.map((phase, i) => {
    const at = `input.phases[${i}]`;
    const name = checkText(phase.name, `${at}.name`, 'A phase name', { min: 1, max: 100 }, problems);
    const focus = checkText(phase.focus, `${at}.focus`, "A phase's focus", { min: 0, max: 1000 }, problems);
    if (phase.endsOn < phase.startsOn) problems.add(`${at}.endsOn`, 'A phase ends on or after the day it starts');
    if (phase.startsOn < planStartsOn) {
      problems.add(keptField ?? `${at}.startsOn`, `A phase starts on or after the plan's start (${planStartsOn})`);
    }
    return { name, focus, startsOn: phase.startsOn, endsOn: phase.endsOn };
  });
  valid.forEach((phase, i) => {
    if (phase.endsOn < phase.startsOn) return;
    const clash = valid.findIndex(
      (other, j) =>
        j < i && other.endsOn >= other.startsOn && phase.startsOn <= other.endsOn && other.startsOn <= phase.endsOn,
    );
    if (clash >= 0) {
      problems.add(`input.phases[${i}].startsOn`, `The phase overlaps phase ${clash} ("${valid[clash]!.name}")`);
    }
  });
  return [...valid].sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
}
