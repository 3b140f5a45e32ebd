import { indicatorMovement } from '@helhed/server';
import { onTime } from './registration-deadline';

/** One department's part of one participant's month, as a section reports it to the family subgraph. */
export interface ParticipantPart {
  personId: string;
  applies: boolean;
  done: boolean;
  onTime: boolean | null;
}

/**
 * Registration completeness of a project's month: a person's month is complete
 * when every part that applies is done, and complete on time when each of those
 * parts was first registered by the deadline.
 */
export function completeness(
  familyParts: readonly ParticipantPart[],
  jobcenterParts: readonly ParticipantPart[],
  healthParts: readonly ParticipantPart[],
) {
  const byPerson = (parts: readonly ParticipantPart[]) => new Map(parts.map((p) => [p.personId, p]));
  const jobcenter = byPerson(jobcenterParts);
  const health = byPerson(healthParts);
  let complete = 0;
  let completeOnTime = 0;
  for (const family of familyParts) {
    const parts = [family, jobcenter.get(family.personId), health.get(family.personId)].filter(
      (p): p is ParticipantPart => p !== undefined && p.applies,
    );
    if (parts.every((p) => p.done)) {
      complete += 1;
      if (parts.every((p) => p.onTime)) completeOnTime += 1;
    }
  }
  const count = (parts: readonly ParticipantPart[], test: (p: ParticipantPart) => boolean) =>
    parts.filter((p) => p.applies && test(p)).length;
  const section = (department: string, parts: readonly ParticipantPart[]) => ({
    department,
    applying: count(parts, () => true),
    done: count(parts, (p) => p.done),
    onTime: count(parts, (p) => p.done && p.onTime === true),
  });
  const personMonths = familyParts.length;
  return {
    personMonths,
    complete,
    completeOnTime,
    completePercent: personMonths === 0 ? null : Math.round((complete / personMonths) * 1000) / 10,
    parts: [section('FAMILY', familyParts), section('JOBCENTER', jobcenterParts), section('HEALTH', healthParts)],
  };
}

/** The one definition of indicator movement every department's section uses (from `@helhed/server`). */
export { indicatorMovement };

/** A project enrolment of a family that overlaps the month, with the family's status today. */
export interface MonthEnrolment {
  familyId: string;
  enrolledOn: string;
  endedOn: string | null;
  status: string;
}

/** Families enrolled at some day of the month, of those ACTIVE and CLOSED today, new and ended in the month. */
export function enrolmentCounts(enrolments: readonly MonthEnrolment[], first: string, last: string) {
  const families = new Map(enrolments.map((e) => [e.familyId, e.status]));
  return {
    enrolled: families.size,
    active: [...families.values()].filter((s) => s === 'ACTIVE').length,
    closed: [...families.values()].filter((s) => s === 'CLOSED').length,
    newThisMonth: enrolments.filter((e) => e.enrolledOn >= first && e.enrolledOn <= last).length,
    endedThisMonth: enrolments.filter((e) => e.endedOn !== null && e.endedOn <= last).length,
  };
}

/** Milestones due by the month's last day and not done. */
export const milestonesDue = <M extends { dueOn: string; status: string }>(milestones: readonly M[], last: string) =>
  milestones.filter((m) => m.dueOn <= last && m.status !== 'DONE');

/** Open risks. */
export const risksOpen = <R extends { status: string }>(risks: readonly R[]) =>
  risks.filter((r) => r.status === 'OPEN');

/** The family department's part of each person's month: it always applies; done when registered. */
export function familyParts(
  persons: ReadonlyArray<{ personId: string; deadline: string }>,
  registrations: ReadonlyArray<{ registeredAt: Date } | null>,
): ParticipantPart[] {
  return persons.map((p, i) => {
    const row = registrations[i] ?? null;
    return {
      personId: p.personId,
      applies: true,
      done: row !== null,
      onTime: row ? onTime(row.registeredAt, p.deadline) : null,
    };
  });
}
