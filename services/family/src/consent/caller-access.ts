import type { Identity } from '@helhed/identity';
import { notEndedOn } from '../team/team';

/** A team membership, as far as "is the caller on the team today" is concerned. */
export interface TeamMembershipTerms {
  caseworkerId: string;
  from: string;
  to: string | null;
}

/**
 * Whether the caller is on a family's team on a day: a membership of theirs
 * (the caseworker id is the identity's user id) has begun and not ended.
 */
export function callerOnTeam(identity: Identity, team: readonly TeamMembershipTerms[], day: string): boolean {
  return team.some((m) => m.caseworkerId === identity.userId && m.from <= day && notEndedOn(m, day));
}
