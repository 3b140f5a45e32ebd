import { fieldsOf } from '../plan/__tests__/problems';
import { validateAssessmentRevision, validateNewAssessment, type AssessmentFacts } from './assessment';

const FAMILY_CW = '77777777-7777-4777-8777-777777777777';
const JOB_CW = '88888888-8888-4888-8888-888888888888';
const FAR_CW = '99999999-9999-4999-8999-999999999999';
const today = '2026-11-22';

const facts: AssessmentFacts = {
  municipalityCode: '630',
  familyStatus: 'INTAKE',
  caseworkers: new Map([
    [FAMILY_CW, { municipalityCode: '630', department: 'FAMILY' as const }],
    [JOB_CW, { municipalityCode: '630', department: 'JOBCENTER' as const }],
    [FAR_CW, { municipalityCode: '101', department: 'HEALTH' as const }],
  ]),
};

const input = {
  familyId: 'f',
  assessedOn: '2026-02-01',
  participantIds: [FAMILY_CW, JOB_CW],
  domains: [
    { domain: 'EMPLOYMENT' as const, resources: 'Has worked in retail', needs: 'Mentor' },
    { domain: 'SOCIAL' as const, challenges: 'Debt', wishes: 'A stable home' },
  ],
};

describe('validateNewAssessment', () => {
  it("keeps each participant's department and orders domains SOCIAL, HEALTH, EMPLOYMENT", () => {
    const valid = validateNewAssessment(input, facts, today);
    expect(valid.participants).toEqual([
      { caseworkerId: FAMILY_CW, department: 'FAMILY' },
      { caseworkerId: JOB_CW, department: 'JOBCENTER' },
    ]);
    expect(valid.findings.map((f) => f.domain)).toEqual(['SOCIAL', 'EMPLOYMENT']);
    expect(valid.findings[1]).toEqual({
      domain: 'EMPLOYMENT',
      resources: 'Has worked in retail',
      challenges: '',
      wishes: '',
      needs: 'Mentor',
    });
  });

  it('reports every problem with its field path', () => {
    expect(
      fieldsOf(() =>
        validateNewAssessment(
          {
            ...input,
            assessedOn: '2026-12-01',
            participantIds: [FAR_CW, FAMILY_CW, FAMILY_CW],
            domains: [{ domain: 'SOCIAL' }, { domain: 'SOCIAL', needs: 'x'.repeat(4001) }],
          },
          { ...facts, familyStatus: 'CLOSED' },
          today,
        ),
      ),
    ).toEqual([
      'input.familyId',
      'input.assessedOn',
      'input.participantIds[2]',
      'input.participantIds[0]',
      'input.domains[0]',
      'input.domains[1].domain',
      'input.domains[1].needs',
    ]);
  });

  it('needs a participant and a domain', () => {
    expect(fieldsOf(() => validateNewAssessment({ ...input, participantIds: [], domains: [] }, facts, today))).toEqual([
      'input.participantIds',
      'input.domains',
    ]);
  });
});

describe('validateAssessmentRevision', () => {
  const current = validateNewAssessment(input, facts, today);

  it('replaces the domains named and keeps the others and the participants', () => {
    const valid = validateAssessmentRevision(
      { assessmentId: 'a', reason: 'Health assessed', domains: [{ domain: 'HEALTH', challenges: 'Back pain' }] },
      current,
      facts,
      today,
    );
    expect(valid.findings.map((f) => f.domain)).toEqual(['SOCIAL', 'HEALTH', 'EMPLOYMENT']);
    expect(valid.participants).toEqual(current.participants);
    expect(valid.reason).toBe('Health assessed');
  });

  it('needs a reason and refuses a date before the version it revises', () => {
    expect(
      fieldsOf(() =>
        validateAssessmentRevision({ assessmentId: 'a', reason: '', assessedOn: '2026-01-01' }, current, facts, today),
      ),
    ).toEqual(['input.reason', 'input.assessedOn']);
  });
});
