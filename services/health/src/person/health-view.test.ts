import { narrowToView, viewNeeded, viewOf, viewShows } from './health-view';

describe('viewOf: the view a read decideRead allowed gives', () => {
  it('gives the HEALTH department (its own category) the clinical view', () => {
    expect(viewOf('OWN_DEPARTMENT')).toBe('CLINICAL');
  });

  it('gives a team member whose department a consent names for HEALTH the team summary', () => {
    expect(viewOf('SHARING')).toBe('TEAM_SUMMARY');
  });

  it('gives the rest of the team and the project lead existence only', () => {
    expect(viewOf('TEAM')).toBe('EXISTENCE');
    expect(viewOf('PROJECT_LEAD')).toBe('EXISTENCE');
  });
});

describe('viewNeeded', () => {
  it('needs no more than existence for a field declared as an indicator (that an assessment exists, its date)', () => {
    expect(viewNeeded('HealthAssessment.assessedOn', 'INDICATOR')).toBe('EXISTENCE');
  });

  it('needs the team summary for its listed fields and the clinical view for every other HEALTH field', () => {
    expect(viewNeeded('HealthAssessment.summaryForTeam', 'HEALTH')).toBe('TEAM_SUMMARY');
    expect(viewNeeded('TreatmentDetails.sessionsAttended', 'HEALTH')).toBe('TEAM_SUMMARY');
    expect(viewNeeded('HealthAssessment.physical', 'HEALTH')).toBe('CLINICAL');
    expect(viewNeeded('Referral.note', 'HEALTH')).toBe('CLINICAL');
    expect(viewNeeded('HealthAssessment.someNewField', 'HEALTH')).toBe('CLINICAL');
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

describe('narrowToView', () => {
  it('refuses a clinical field to a team member on consent, and keeps the basis of what it allows', () => {
    expect(narrowToView({ field: 'Referral.note', category: 'HEALTH', basis: 'SHARING' })).toMatchObject({
      allowed: false,
    });
    expect(narrowToView({ field: 'Referral.sentOn', category: 'HEALTH', basis: 'SHARING' })).toEqual({
      allowed: true,
      basis: 'SHARING',
    });
    expect(narrowToView({ field: 'Referral.note', category: 'HEALTH', basis: 'OWN_DEPARTMENT' }).allowed).toBe(true);
  });
});
