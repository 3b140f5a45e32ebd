import type { Identity } from '@helhed/identity';

/**
 * The three views of a person's health data (GDPR art. 9, the strictest rule in the graph):
 * - CLINICAL: everything, clinical findings included — the HEALTH department of the
 *   caller's municipality. Any health coordinator of the municipality, not only one on
 *   the family's team: the coordinator takes part in every family's assessment and
 *   records data before being put on a team, and is bound by health confidentiality anyway.
 * - TEAM_SUMMARY: the summary written for the team, the referrals' course (not their
 *   clinical note or close reason), treatment attendance — a caseworker on the family's
 *   team today whose department the person's consent (or another recorded legal basis)
 *   names for HEALTH today.
 * - EXISTENCE: only that a health assessment exists and its date — everyone else of the
 *   municipality (a team member without consent, a caseworker not on the team, a project lead).
 */
export type HealthView = 'CLINICAL' | 'TEAM_SUMMARY' | 'EXISTENCE';

/** What the family subgraph said about the caller and the person today (`Person.accessForCaller(category: HEALTH)`). */
export interface PersonAccess {
  onTeam: boolean;
  sharingAllowed: boolean;
}

const RANK: Record<HealthView, number> = { EXISTENCE: 0, TEAM_SUMMARY: 1, CLINICAL: 2 };

/**
 * The view a caller gets of a person's health data. `access` is null when the
 * family subgraph does not know the person for the caller (then: existence only).
 */
export function healthView(identity: Pick<Identity, 'department'>, access: PersonAccess | null): HealthView {
  if (identity.department === 'HEALTH') return 'CLINICAL';
  if (access?.onTeam && access.sharingAllowed) return 'TEAM_SUMMARY';
  return 'EXISTENCE';
}

/** Whether a view shows what needs `needed` (a wider view shows everything a narrower one does). */
export const viewShows = (view: HealthView, needed: HealthView): boolean => RANK[view] >= RANK[needed];
