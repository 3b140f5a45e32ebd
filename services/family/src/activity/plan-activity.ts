import { InputProblems } from '@helhed/errors';
import type { Department } from '@helhed/identity';
import type { CaseworkerFact } from '../assessment/assessment';
import type { FamilyPlanStatus } from '../plan/plan.entity';
import { checkCadence, checkDistinct, checkText, namesRow, optionalText } from '../plan/plan-rules';
import type { ActivityStatus, SectorPlanKind } from './plan-activity.entity';

export interface AddPlanActivityInput {
  planId: string;
  department: Department;
  sectorPlanKind: SectorPlanKind;
  memberIds: string[];
  goalId?: string | null;
  offerDescription: string;
  startsOn: string;
  endsOn?: string | null;
  hoursPerWeek: number;
  responsibleCaseworkerId: string;
  followUpCadenceWeeks: number;
}

/** Changes to an activity: a field left out is kept; `goalId` and `endsOn` are cleared with null. */
export interface UpdatePlanActivityInput {
  activityId: string;
  reason?: string | null;
  department?: Department | null;
  sectorPlanKind?: SectorPlanKind | null;
  memberIds?: string[] | null;
  goalId?: string | null;
  offerDescription?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  hoursPerWeek?: number | null;
  responsibleCaseworkerId?: string | null;
  followUpCadenceWeeks?: number | null;
}

export interface ChangeActivityStatusInput {
  activityId: string;
  status: ActivityStatus;
  reason?: string | null;
}

/** An activity's content, checked. */
export interface ValidActivity {
  department: Department;
  sectorPlanKind: SectorPlanKind;
  memberIds: string[];
  goalId: string | null;
  offerDescription: string;
  startsOn: string;
  endsOn: string | null;
  hoursPerWeek: number;
  responsibleCaseworkerId: string;
  followUpCadenceWeeks: number;
}

/** What the rules need to know, read in the writing transaction (and the caseworkers named). */
export interface ActivityFacts {
  municipalityCode: string;
  planStatus: FamilyPlanStatus;
  /** The current members of the plan's family. */
  memberIds: ReadonlySet<string>;
  /** The plan's current goals. */
  goalIds: ReadonlySet<string>;
  caseworkers: ReadonlyMap<string, CaseworkerFact>;
}

/** The department that makes each sector plan, where the law names one (the others may come from any department). */
export const SECTOR_PLAN_DEPARTMENT: Partial<Record<SectorPlanKind, Department>> = {
  JOBPLAN: 'JOBCENTER',
  HANDLEPLAN: 'FAMILY',
  BEHANDLINGSPLAN: 'HEALTH',
};

/** Which status may follow which; COMPLETED and CANCELLED are final. */
export const NEXT_STATUSES: Record<ActivityStatus, readonly ActivityStatus[]> = {
  PLANNED: ['ACTIVE', 'CANCELLED'],
  ACTIVE: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

export const isFinished = (status: ActivityStatus) => status === 'COMPLETED' || status === 'CANCELLED';

const HOURS_MAX = 60;

/** The rules for a new activity; reports every problem with its input path. */
export function validateNewActivity(input: AddPlanActivityInput, facts: ActivityFacts): ValidActivity {
  const problems = new InputProblems();
  if (facts.planStatus !== 'OPEN') problems.add('input.planId', 'The plan is closed: it gets no new activities');
  const valid = checkActivity(
    { ...input, goalId: input.goalId ?? null, endsOn: input.endsOn ?? null },
    facts,
    problems,
  );
  problems.throwIfAny();
  return valid;
}

/** The rules for changing an activity: the merged activity must satisfy every rule of a new one. */
export function validateActivityUpdate(
  input: UpdatePlanActivityInput,
  current: ValidActivity & { status: ActivityStatus },
  facts: ActivityFacts,
): { activity: ValidActivity; reason: string | null } {
  const problems = new InputProblems();
  if (isFinished(current.status)) {
    problems.add('input.activityId', `The activity is ${current.status}: it is kept as it was`);
  }
  if (facts.planStatus !== 'OPEN') problems.add('input.activityId', "The activity's plan is closed");
  const reason = optionalText(input.reason, 'input.reason', 'A reason', 1000, problems);
  const required = [
    'department',
    'sectorPlanKind',
    'memberIds',
    'offerDescription',
    'startsOn',
    'hoursPerWeek',
    'responsibleCaseworkerId',
    'followUpCadenceWeeks',
  ] as const;
  for (const name of required) {
    if (input[name] === null) problems.add(`input.${name}`, 'This cannot be cleared; leave it out to keep it');
  }
  const merged: ValidActivity = {
    department: input.department ?? current.department,
    sectorPlanKind: input.sectorPlanKind ?? current.sectorPlanKind,
    memberIds: input.memberIds ?? current.memberIds,
    goalId: input.goalId === undefined ? current.goalId : input.goalId,
    offerDescription: input.offerDescription ?? current.offerDescription,
    startsOn: input.startsOn ?? current.startsOn,
    endsOn: input.endsOn === undefined ? current.endsOn : input.endsOn,
    hoursPerWeek: input.hoursPerWeek ?? current.hoursPerWeek,
    responsibleCaseworkerId: input.responsibleCaseworkerId ?? current.responsibleCaseworkerId,
    followUpCadenceWeeks: input.followUpCadenceWeeks ?? current.followUpCadenceWeeks,
  };
  const activity = checkActivity(merged, facts, problems, { memberIdsGiven: !!input.memberIds });
  problems.throwIfAny();
  return { activity, reason };
}

/** The rules for a status change: an allowed next status, a reason to cancel, no ACTIVE before the start. */
export function validateStatusChange(
  input: ChangeActivityStatusInput,
  current: { status: ActivityStatus; startsOn: string },
  today: string,
): { status: ActivityStatus; statusReason: string | null } {
  const problems = new InputProblems();
  const allowed = NEXT_STATUSES[current.status];
  if (!allowed.includes(input.status)) {
    problems.add(
      'input.status',
      allowed.length === 0
        ? `The activity is ${current.status}: its status is final`
        : `A ${current.status} activity can become ${allowed.join(' or ')}, not ${input.status}`,
    );
  }
  if (input.status === 'ACTIVE' && current.startsOn > today) {
    problems.add('input.status', `The activity starts on ${current.startsOn}: it is not active before then`);
  }
  const statusReason =
    input.status === 'CANCELLED'
      ? checkText(input.reason, 'input.reason', 'A reason for cancelling', { min: 1, max: 1000 }, problems)
      : optionalText(input.reason, 'input.reason', 'A reason', 1000, problems);
  problems.throwIfAny();
  return { status: input.status, statusReason };
}

function checkActivity(
  a: ValidActivity,
  facts: ActivityFacts,
  problems: InputProblems,
  options: { memberIdsGiven: boolean } = { memberIdsGiven: true },
): ValidActivity {
  const maker = SECTOR_PLAN_DEPARTMENT[a.sectorPlanKind];
  if (maker && maker !== a.department) {
    problems.add('input.sectorPlanKind', `A ${a.sectorPlanKind} activity belongs to the ${maker} department`);
  }
  if (a.memberIds.length === 0) problems.add('input.memberIds', 'An activity concerns at least one member');
  checkDistinct(a.memberIds, 'input.memberIds', 'member', problems);
  a.memberIds.forEach((id, i) => {
    if (!facts.memberIds.has(id)) {
      problems.add(
        options.memberIdsGiven ? `input.memberIds[${i}]` : 'input.memberIds',
        "An activity concerns current members of the plan's family only",
      );
    }
  });
  if (a.goalId !== null && !facts.goalIds.has(a.goalId)) {
    problems.add('input.goalId', 'The goal an activity serves is a current goal of the same plan');
  }
  const offerDescription = checkText(
    a.offerDescription,
    'input.offerDescription',
    'The offer description',
    { min: 1, max: 2000 },
    problems,
  );
  if (a.endsOn !== null && a.endsOn < a.startsOn) {
    problems.add('input.endsOn', 'An activity ends on or after the day it starts');
  }
  if (!Number.isFinite(a.hoursPerWeek) || a.hoursPerWeek < 0 || a.hoursPerWeek > HOURS_MAX) {
    problems.add('input.hoursPerWeek', `Hours per week are between 0 and ${HOURS_MAX}`);
  } else if (Math.abs(a.hoursPerWeek * 10 - Math.round(a.hoursPerWeek * 10)) > 1e-9) {
    problems.add('input.hoursPerWeek', 'Hours per week have at most one decimal, e.g. 7.5');
  }
  const responsible = namesRow(a.responsibleCaseworkerId) ? facts.caseworkers.get(a.responsibleCaseworkerId) : null;
  if (!responsible || responsible.municipalityCode !== facts.municipalityCode) {
    problems.add('input.responsibleCaseworkerId', 'There is no caseworker with this id in your municipality');
  }
  checkCadence(a.followUpCadenceWeeks, 'input.followUpCadenceWeeks', problems);
  return { ...a, offerDescription, hoursPerWeek: Math.round(a.hoursPerWeek * 10) / 10 };
}
