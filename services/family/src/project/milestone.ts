import { InputProblems } from '@helhed/errors';
import type { MilestoneStatus } from './milestone.entity';
import { changed, optionalText, requiredText } from './fields';

export interface MilestoneInput {
  projectId: string;
  title: string;
  description?: string | null;
  dueOn: string;
  doneOn?: string | null;
  status?: MilestoneStatus | null;
}

export interface MilestoneChanges {
  id: string;
  title?: string | null;
  description?: string | null;
  dueOn?: string | null;
  doneOn?: string | null;
  status?: MilestoneStatus | null;
  reason?: string | null;
}

export interface ValidMilestone {
  title: string;
  description: string | null;
  dueOn: string;
  doneOn: string | null;
  status: MilestoneStatus;
}

/** Checks a milestone as a whole: DONE goes with the day it was done, which is not in the future. */
export function validateMilestone(
  values: Omit<MilestoneInput, 'projectId'>,
  today: string,
  facts: { projectFound: boolean } = { projectFound: true },
): ValidMilestone {
  const problems = new InputProblems();
  if (!facts.projectFound) problems.add('input.projectId', 'There is no project with this id in your municipality');
  const title = requiredText(problems, 'input.title', values.title, 200, 'A title');
  const description = optionalText(problems, 'input.description', values.description, 2000, 'A description');
  const doneOn = values.doneOn ?? null;
  const status: MilestoneStatus = values.status ?? (doneOn ? 'DONE' : 'PLANNED');
  if (status === 'DONE' && !doneOn) problems.add('input.doneOn', 'A DONE milestone needs the day it was done');
  if (status !== 'DONE' && doneOn) problems.add('input.status', `A milestone done on ${doneOn} has the status DONE`);
  if (doneOn && doneOn > today) problems.add('input.doneOn', 'The day a milestone was done cannot be in the future');
  problems.throwIfAny();
  return { title, description, dueOn: values.dueOn, doneOn, status };
}

/**
 * A milestone after the changes asked for: a field left out keeps its value;
 * giving `doneOn` alone marks it DONE, and moving it out of DONE clears `doneOn`.
 */
export function mergeMilestoneChanges(
  current: ValidMilestone,
  input: MilestoneChanges,
): Omit<MilestoneInput, 'projectId'> {
  const status = input.status ?? (input.doneOn ? 'DONE' : current.status);
  const doneOn = input.doneOn !== undefined ? input.doneOn : status === 'DONE' ? current.doneOn : null;
  return {
    title: input.title ?? current.title,
    description: changed(input.description, current.description),
    dueOn: input.dueOn ?? current.dueOn,
    doneOn,
    status,
  };
}

/** Past its due day and not done (whatever status was last registered). */
export const isOverdue = (m: { dueOn: string; status: MilestoneStatus }, today: string): boolean =>
  m.status !== 'DONE' && m.dueOn < today;

export const milestoneValues = (m: ValidMilestone): ValidMilestone => ({
  title: m.title,
  description: m.description,
  dueOn: m.dueOn,
  doneOn: m.doneOn,
  status: m.status,
});
