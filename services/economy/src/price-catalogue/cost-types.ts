import type { CostUnit } from './price-catalogue.entity';

export type Department = 'FAMILY' | 'JOBCENTER' | 'HEALTH' | 'ECONOMY';

/**
 * The cost types economy knows: what each is priced per and which department
 * bears it. A municipality may price other cost types too (for manual entries);
 * such a type keeps the unit of its first price.
 */
export const KNOWN_COST_TYPES: Record<string, { unit: CostUnit; department: Department | null }> = {
  KONTANTHJAELP: { unit: 'MONTH', department: 'JOBCENTER' },
  UDDANNELSESHJAELP: { unit: 'MONTH', department: 'JOBCENTER' },
  SELVFORSOERGELSESYDELSE: { unit: 'MONTH', department: 'JOBCENTER' },
  SYGEDAGPENGE: { unit: 'MONTH', department: 'JOBCENTER' },
  RESSOURCEFORLOEBSYDELSE: { unit: 'MONTH', department: 'JOBCENTER' },
  LEDIGHEDSYDELSE: { unit: 'MONTH', department: 'JOBCENTER' },
  FLEKSJOB: { unit: 'MONTH', department: 'JOBCENTER' },
  FOERTIDSPENSION: { unit: 'MONTH', department: 'JOBCENTER' },
  FAMILY_TREATMENT: { unit: 'HOUR', department: 'FAMILY' },
  RELIEF_CARE: { unit: 'DAY', department: 'FAMILY' },
  OUT_OF_HOME_PLACEMENT: { unit: 'DAY', department: 'FAMILY' },
  CONTACT_PERSON: { unit: 'HOUR', department: 'FAMILY' },
  EMPLOYMENT_OFFER: { unit: 'HOUR', department: 'JOBCENTER' },
  EMPLOYMENT_PROGRAMME: { unit: 'WEEK', department: 'JOBCENTER' },
  HEALTH_TREATMENT: { unit: 'SESSION', department: 'HEALTH' },
  CASEWORKER_TIME: { unit: 'HOUR', department: null },
};

/**
 * The cost type a plan activity is priced as, by its department and sector
 * plan: the jobplan's offers as EMPLOYMENT_OFFER, the handleplan's measures as
 * FAMILY_TREATMENT, the behandlingsplan as HEALTH_TREATMENT; anything else as
 * `<DEPARTMENT>_ACTIVITY` (priced only if the municipality adds that type).
 */
export function activityCostType(department: string, sectorPlanKind: string): string {
  if (department === 'JOBCENTER' && (sectorPlanKind === 'JOBPLAN' || sectorPlanKind === 'UDDANNELSESPLAN'))
    return 'EMPLOYMENT_OFFER';
  if (department === 'FAMILY' && sectorPlanKind === 'HANDLEPLAN') return 'FAMILY_TREATMENT';
  if (department === 'HEALTH' && sectorPlanKind === 'BEHANDLINGSPLAN') return 'HEALTH_TREATMENT';
  return `${department}_ACTIVITY`;
}
