import type { ParticipantPart } from './status-report';

/** Counts under this are not shown in the national view (a person must not be recognisable). */
export const SUPPRESS_UNDER = 5;

/** A count as the national view shows it: the number, or "<5" with no number. */
export const suppressed = (n: number) =>
  n < SUPPRESS_UNDER ? { value: null, shown: `<${SUPPRESS_UNDER}` } : { value: n, shown: String(n) };

export interface NationalPerson {
  personId: string;
  familyId: string;
  municipalityCode: string;
}

/**
 * The national aggregates of a month per municipality and in total: families,
 * person-months, complete and complete on time, and each department's parts done.
 * Every count under 5 is suppressed; no person or family is named.
 */
export function nationalAggregates(
  persons: readonly NationalPerson[],
  parts: {
    family: readonly ParticipantPart[];
    jobcenter: readonly ParticipantPart[];
    health: readonly ParticipantPart[];
  },
) {
  const index = (list: readonly ParticipantPart[]) => new Map(list.map((p) => [p.personId, p]));
  const family = index(parts.family);
  const jobcenter = index(parts.jobcenter);
  const health = index(parts.health);
  const aggregate = (municipalityCode: string | null, group: readonly NationalPerson[]) => {
    let complete = 0;
    let completeOnTime = 0;
    const done = { FAMILY: 0, JOBCENTER: 0, HEALTH: 0 };
    const applying = { FAMILY: 0, JOBCENTER: 0, HEALTH: 0 };
    for (const person of group) {
      const own = [
        ['FAMILY', family.get(person.personId)],
        ['JOBCENTER', jobcenter.get(person.personId)],
        ['HEALTH', health.get(person.personId)],
      ] as const;
      const applies = own.filter(([, p]) => p?.applies);
      for (const [department, p] of applies) {
        applying[department] += 1;
        if (p!.done) done[department] += 1;
      }
      if (applies.every(([, p]) => p!.done)) {
        complete += 1;
        if (applies.every(([, p]) => p!.onTime)) completeOnTime += 1;
      }
    }
    return {
      municipalityCode,
      families: suppressed(new Set(group.map((p) => p.familyId)).size),
      personMonths: suppressed(group.length),
      complete: suppressed(complete),
      completeOnTime: suppressed(completeOnTime),
      parts: (['FAMILY', 'JOBCENTER', 'HEALTH'] as const).map((department) => ({
        department,
        applying: suppressed(applying[department]),
        done: suppressed(done[department]),
      })),
    };
  };
  const codes = [...new Set(persons.map((p) => p.municipalityCode))].sort();
  return {
    municipalities: codes.map((code) =>
      aggregate(
        code,
        persons.filter((p) => p.municipalityCode === code),
      ),
    ),
    total: aggregate(null, persons),
  };
}
