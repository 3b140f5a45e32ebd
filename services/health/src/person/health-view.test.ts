import { identity } from '@helhed/testing';
import { healthView, viewShows } from './health-view';

describe('healthView', () => {
  const onTeamWithConsent = { onTeam: true, sharingAllowed: true };

  it('gives the HEALTH department the clinical view, whatever the team and consent', () => {
    expect(healthView(identity('HEALTH'), null)).toBe('CLINICAL');
    expect(healthView(identity('HEALTH'), { onTeam: false, sharingAllowed: true })).toBe('CLINICAL');
  });

  it('gives a team member whose department the consent names for HEALTH the team summary', () => {
    expect(healthView(identity('JOBCENTER'), onTeamWithConsent)).toBe('TEAM_SUMMARY');
    expect(healthView(identity('FAMILY'), onTeamWithConsent)).toBe('TEAM_SUMMARY');
  });

  it('gives existence only without consent, off the team, or for a person the family subgraph does not know', () => {
    expect(healthView(identity('JOBCENTER'), { onTeam: true, sharingAllowed: false })).toBe('EXISTENCE');
    expect(healthView(identity('JOBCENTER'), { onTeam: false, sharingAllowed: true })).toBe('EXISTENCE');
    expect(healthView(identity('FAMILY', { roles: ['PROJECT_LEAD'] }), null)).toBe('EXISTENCE');
  });
});

describe('viewShows', () => {
  it('lets a wider view show what a narrower one does, never the reverse', () => {
    expect(viewShows('CLINICAL', 'EXISTENCE')).toBe(true);
    expect(viewShows('CLINICAL', 'CLINICAL')).toBe(true);
    expect(viewShows('TEAM_SUMMARY', 'TEAM_SUMMARY')).toBe(true);
    expect(viewShows('TEAM_SUMMARY', 'CLINICAL')).toBe(false);
    expect(viewShows('EXISTENCE', 'TEAM_SUMMARY')).toBe(false);
  });
});
