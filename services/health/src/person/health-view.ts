import type { ReadBasis, ReadDecision } from '@helhed/identity';

/**
 * The three views of a person's health data (GDPR art. 9, the strictest rule in the graph):
 * - CLINICAL: everything, clinical findings included — a health coordinator (HEALTH
 *   department) on the family's team today. A department's own category is its team
 *   members' only (issue 9): a health coordinator off the team sees nothing of the
 *   family, like anyone off it; the family department puts the coordinator on the team.
 * - TEAM_SUMMARY: the summary written for the team, the referrals' course (not their
 *   clinical note or close reason), treatment attendance — a caseworker on the family's
 *   team today whose department the person's consent (or another recorded legal basis)
 *   names for HEALTH today.
 * - EXISTENCE: only that a health assessment exists and its date — the rest of the
 *   family's team (no such consent) and the project lead of the family's project.
 *   Anyone else (off the team, the reminder worker, another municipality) sees nothing.
 *
 * Who gets which view is `decideRead`'s answer (@helhed/identity), through the
 * declared policy: the existence fields are declared `INDICATOR` (the team and
 * the project lead see them; the status report counts them), the rest `HEALTH`
 * (a HEALTH team member, and a team member whose department a consent names).
 * This file is the health subgraph's one narrowing on top of it: which `HEALTH`
 * fields the team summary shows; every other `HEALTH` field is clinical.
 */
export type HealthView = 'CLINICAL' | 'TEAM_SUMMARY' | 'EXISTENCE';

/** The `HEALTH` fields shown in the team summary view (and the clinical one); any other is clinical only. */
export const TEAM_SUMMARY_FIELDS: ReadonlySet<string> = new Set([
  'HealthAssessment.assessedBy',
  'HealthAssessment.summaryForTeam',
  'Person.referrals',
  'Person.referralsConnection',
  'Referral.to',
  'Referral.sentOn',
  'Referral.acceptedOn',
  'Referral.firstAppointmentOn',
  'Referral.closedOn',
  'Referral.waitingDays',
  'Referral.waiting',
  'Referral.person',
  'PlanActivity.treatment',
  'TreatmentDetails.sessionsPlanned',
  'TreatmentDetails.sessionsAttended',
  'TreatmentDetails.attendancePercent',
  'TreatmentDetails.person',
]);

const RANK: Record<HealthView, number> = { EXISTENCE: 0, TEAM_SUMMARY: 1, CLINICAL: 2 };

/** The view a read allowed by `decideRead` gives: its own department's data in full, a consent's the summary. */
export function viewOf(basis: ReadBasis): HealthView {
  if (basis === 'OWN_DEPARTMENT') return 'CLINICAL';
  if (basis === 'SHARING') return 'TEAM_SUMMARY';
  return 'EXISTENCE';
}

/** The narrowest view that shows a field of the declared category. */
export function viewNeeded(field: string, category: string): HealthView {
  if (category !== 'HEALTH') return 'EXISTENCE';
  return TEAM_SUMMARY_FIELDS.has(field) ? 'TEAM_SUMMARY' : 'CLINICAL';
}

/** Whether a view shows what needs `needed` (a wider view shows everything a narrower one does). */
export const viewShows = (view: HealthView, needed: HealthView): boolean => RANK[view] >= RANK[needed];

/**
 * The health subgraph's narrowing of a read `decideRead` allowed (plugged into
 * `withDeclaredPolicy`): a field outside the caller's view is refused.
 */
export function narrowToView(read: { field: string; category: string; basis: ReadBasis }): ReadDecision {
  const needed = viewNeeded(read.field, read.category);
  if (viewShows(viewOf(read.basis), needed)) return { allowed: true, basis: read.basis };
  return {
    allowed: false,
    reason:
      needed === 'CLINICAL'
        ? `Clinical health data (${read.field}) is visible to the HEALTH department's team members only`
        : `Health data (${read.field}) is shared with a team member only where the person's consent names HEALTH for their department`,
  };
}
