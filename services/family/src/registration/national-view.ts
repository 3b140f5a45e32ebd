import {
  byMunicipalityCode,
  protectedPercent,
  protectSection,
  SUPPRESS_UNDER,
  type IndicatorPoint,
} from '@helhed/server';
import { FAMILY_INDICATORS } from './progression';
import {
  completeness,
  enrolmentCounts,
  indicatorMovement,
  type MonthEnrolment,
  type ParticipantPart,
} from './status-report';

export { SUPPRESS_UNDER };

export interface NationalPerson {
  personId: string;
  familyId: string;
  municipalityCode: string;
}

/** What the family subgraph counts for the national view of a month (all municipalities). */
export interface NationalInput {
  month: string;
  first: string;
  last: string;
  /** Members of every municipality's ACTIVE families. */
  persons: readonly NationalPerson[];
  parts: {
    family: readonly ParticipantPart[];
    jobcenter: readonly ParticipantPart[];
    health: readonly ParticipantPart[];
  };
  /** Each person's family-department indicator series. */
  series: ReadonlyMap<string, ReadonlyMap<string, readonly IndicatorPoint[]>>;
  /** Project enrolments overlapping the month, every municipality. */
  enrolments: ReadonlyArray<MonthEnrolment & { municipalityCode: string }>;
  /** Per municipality: its running projects' milestones due and not done, and open risks. */
  projectItems: ReadonlyArray<{ municipalityCode: string; milestonesDue: number; risksOpen: number }>;
}

const DEPARTMENTS = ['FAMILY', 'JOBCENTER', 'HEALTH'] as const;
const MEASURES = [
  'families',
  'personMonths',
  'complete',
  'completeOnTime',
  ...DEPARTMENTS.flatMap((d) => [`${d}.applying`, `${d}.done`, `${d}.onTime`] as const),
  'enrolled',
  'active',
  'closed',
  'milestonesDue',
  'risksOpen',
] as const;

/**
 * The family subgraph's part of the national view: per municipality and in
 * total the project report's figures (the same pure functions: enrolment,
 * completeness and timeliness, family indicator movement, milestones and risks),
 * counted per municipality and protected together (`protectSection`: no count
 * under 5 shown or calculable; shares only from shown counts). No person or
 * family is named.
 */
export function nationalAggregates(input: NationalInput) {
  const index = (list: readonly ParticipantPart[]) => new Map(list.map((p) => [p.personId, p]));
  const jobcenter = index(input.parts.jobcenter);
  const health = index(input.parts.health);
  const family = index(input.parts.family);
  const persons = byMunicipalityCode(input.persons);
  const enrolments = byMunicipalityCode(input.enrolments);
  const items = new Map(input.projectItems.map((i) => [i.municipalityCode, i]));
  const codes = [...new Set([...persons.keys(), ...enrolments.keys(), ...items.keys()])].sort();
  const groups = codes.map((municipalityCode) => {
    const group = persons.get(municipalityCode) ?? [];
    const pick = (parts: Map<string, ParticipantPart>) =>
      group.map((p) => parts.get(p.personId)).filter((p): p is ParticipantPart => p !== undefined);
    const registration = completeness(pick(family), pick(jobcenter), pick(health));
    const enrolment = enrolmentCounts(enrolments.get(municipalityCode) ?? [], input.first, input.last);
    const counts: Partial<Record<(typeof MEASURES)[number], number>> = {
      families: new Set(group.map((p) => p.familyId)).size,
      personMonths: registration.personMonths,
      complete: registration.complete,
      completeOnTime: registration.completeOnTime,
      enrolled: enrolment.enrolled,
      active: enrolment.active,
      closed: enrolment.closed,
      milestonesDue: items.get(municipalityCode)?.milestonesDue ?? 0,
      risksOpen: items.get(municipalityCode)?.risksOpen ?? 0,
    };
    for (const part of registration.parts) {
      const d = part.department as (typeof DEPARTMENTS)[number];
      counts[`${d}.applying`] = part.applying;
      counts[`${d}.done`] = part.done;
      counts[`${d}.onTime`] = part.onTime;
    }
    const movement = indicatorMovement(
      'FAMILY',
      FAMILY_INDICATORS,
      group.map((p) => input.series.get(p.personId) ?? new Map()),
      input.month,
    );
    return { municipalityCode, counts, movement };
  });
  const table = protectSection(MEASURES, groups, [{ whole: 'enrolled', parts: ['active', 'closed'] }]);
  const toAggregate = (row: (typeof table)['total']) => {
    const c = row.counts;
    return {
      municipalityCode: row.municipalityCode,
      families: c.families,
      personMonths: c.personMonths,
      complete: c.complete,
      completeOnTime: c.completeOnTime,
      completePercent: protectedPercent(c.complete, c.personMonths),
      parts: DEPARTMENTS.map((department) => ({
        department,
        applying: c[`${department}.applying`],
        done: c[`${department}.done`],
        onTime: c[`${department}.onTime`],
      })),
      enrolment: { enrolled: c.enrolled, active: c.active, closed: c.closed },
      milestonesDue: c.milestonesDue,
      risksOpen: c.risksOpen,
      indicatorMovement: row.indicatorMovement,
    };
  };
  return { municipalities: table.municipalities.map(toAggregate), total: toAggregate(table.total) };
}
