import { progressionOf } from '@helhed/server';
import type { IndicatorDirection, IndicatorPoint } from '@helhed/server';

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

/**
 * How many persons moved the better way, stayed, or moved the worse way on each
 * indicator, from their first registration up to the report's month (persons with
 * fewer than two values on an indicator are not counted for it).
 */
export function indicatorMovement(
  department: string,
  catalogue: ReadonlyArray<{ indicator: string; higherIsBetter: boolean }>,
  seriesByPerson: ReadonlyArray<ReadonlyMap<string, readonly IndicatorPoint[]>>,
  month: string,
) {
  return catalogue
    .map(({ indicator, higherIsBetter }) => {
      const counts: Record<IndicatorDirection, number> = { IMPROVING: 0, UNCHANGED: 0, WORSENING: 0 };
      for (const series of seriesByPerson) {
        const points = (series.get(indicator) ?? []).filter((p) => p.month <= month);
        const { direction } = progressionOf(indicator, higherIsBetter, points);
        if (direction) counts[direction] += 1;
      }
      return {
        indicator,
        department,
        higherIsBetter,
        improving: counts.IMPROVING,
        unchanged: counts.UNCHANGED,
        worsening: counts.WORSENING,
      };
    })
    .filter((m) => m.improving + m.unchanged + m.worsening > 0);
}
