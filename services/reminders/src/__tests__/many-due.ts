import { addBusinessDays } from '@helhed/calendar';
import type { CaseworkerRef, DueSnapshot } from '../due/due';
import { FixtureDueSource } from './harness';

/**
 * `count` caseworkers with one follow-up each that fell due the business day
 * before `day`: each gets exactly one digest on `day` (the overdue reminder)
 * and none on the business days right around it. `label` keeps the ids of two
 * such sets apart.
 */
export function manyDue(
  count: number,
  day: string,
  label = 'a',
): { snapshot: DueSnapshot; caseworkers: CaseworkerRef[] } {
  const dueOn = addBusinessDays(day, -1);
  const caseworkers = Array.from({ length: count }, (_, i): CaseworkerRef => {
    const n = String(i).padStart(4, '0');
    return {
      id: `cw-${label}-${n}`,
      name: `Caseworker ${label}${n}`,
      email: `cw-${label}-${n}@vejle.dk`,
      department: 'FAMILY',
    };
  });
  return {
    caseworkers,
    snapshot: {
      // Nothing else due: an empty snapshot's other parts.
      ...new FixtureDueSource().snapshot,
      followUps: caseworkers.map((responsible, i) => ({
        kind: 'PLAN',
        id: `plan-${label}-${i}`,
        familyId: `fam-${label}-${i}`,
        caseReference: `SAG-${label}-${i}`,
        dueOn,
        responsible,
        projectLead: null,
      })),
    },
  };
}
