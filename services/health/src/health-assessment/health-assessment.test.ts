import { UserInputError, UserInputErrors } from '@helhed/errors';
import {
  planHealthAssessmentRevision,
  validateHealthAssessment,
  type HealthAssessmentInput,
} from './health-assessment';

const today = '2026-11-22';
const personId = '0b6f1f5e-8a4c-4f0e-9a51-2f3c1d7e9b10';
const assessment = (over: Partial<HealthAssessmentInput> = {}): HealthAssessmentInput => ({
  personId,
  assessedOn: '2026-11-20',
  summaryForTeam: 'Ready for a part-time internship; follow up on sleep.',
  ...over,
});

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserInputErrors) return e.problems.map((p) => p.field);
    if (e instanceof UserInputError) return [e.field];
    throw e;
  }
  return [];
};

describe('validateHealthAssessment', () => {
  it('accepts an assessment made today, trims texts and stores empty findings as null', () => {
    const valid = validateHealthAssessment(
      assessment({ assessedOn: today, physical: '  Back pain  ', mental: '   ', summaryForTeam: ' Fit for work ' }),
      today,
    );
    expect(valid).toEqual({
      personId,
      assessedOn: today,
      physical: 'Back pain',
      mental: null,
      substanceUse: null,
      recommendations: null,
      summaryForTeam: 'Fit for work',
      findings: [],
    });
  });

  it('refuses an assessment date in the future (Danish today)', () => {
    expect(fieldsOf(() => validateHealthAssessment(assessment({ assessedOn: '2026-11-23' }), today))).toEqual([
      'input.assessedOn',
    ]);
  });

  it('refuses an assessment date that is not a real date', () => {
    expect(fieldsOf(() => validateHealthAssessment(assessment({ assessedOn: '2026-02-29' }), today))).toEqual([
      'input.assessedOn',
    ]);
  });

  it('keeps the summary for the team between 1 and 1000 characters', () => {
    expect(fieldsOf(() => validateHealthAssessment(assessment({ summaryForTeam: '  ' }), today))).toEqual([
      'input.summaryForTeam',
    ]);
    expect(fieldsOf(() => validateHealthAssessment(assessment({ summaryForTeam: 'x'.repeat(1001) }), today))).toEqual([
      'input.summaryForTeam',
    ]);
    expect(fieldsOf(() => validateHealthAssessment(assessment({ summaryForTeam: 'x'.repeat(1000) }), today))).toEqual(
      [],
    );
  });

  it('reports every problem with its field path', () => {
    const long = 'x'.repeat(4001);
    const fields = fieldsOf(() =>
      validateHealthAssessment(
        {
          personId: 'someone',
          assessedOn: '2027-01-01',
          physical: long,
          mental: 'x'.repeat(4000),
          substanceUse: long,
          recommendations: long,
          summaryForTeam: '',
        },
        today,
      ),
    );
    expect(fields).toEqual([
      'input.personId',
      'input.assessedOn',
      'input.physical',
      'input.substanceUse',
      'input.recommendations',
      'input.summaryForTeam',
    ]);
  });
});

const finding = (area: string, severity: number) => ({ area, severity }) as never;

describe('findings per area', () => {
  it('keeps one finding per area in area order, texts trimmed, empty ones null', () => {
    const valid = validateHealthAssessment(
      assessment({
        findings: [
          { area: 'SLEEP', severity: 9 },
          {
            area: 'PHYSICAL',
            severity: 2,
            dailyLifeConsequences: ' Cannot lift ',
            workConsequences: '  ',
            ownView: 'OK',
          },
          { area: 'MENTAL', severity: 0 },
          { area: 'SUBSTANCE_USE', severity: 4, recommendations: 'Treatment' },
        ],
      }),
      today,
    );
    expect(valid.findings.map((f) => [f.area, f.severity])).toEqual([
      ['PHYSICAL', 2],
      ['MENTAL', 0],
      ['SUBSTANCE_USE', 4],
      ['SLEEP', 9],
    ]);
    expect(valid.findings[0]).toEqual({
      area: 'PHYSICAL',
      severity: 2,
      dailyLifeConsequences: 'Cannot lift',
      workConsequences: null,
      ownView: 'OK',
      recommendations: null,
    });
  });

  it('refuses a severity outside the VUM scale (0-4 or 9) and an area given twice, at their paths', () => {
    expect(
      fieldsOf(() =>
        validateHealthAssessment(
          assessment({
            findings: [finding('PHYSICAL', 5), finding('MENTAL', -1), finding('PHYSICAL', 1), finding('SLEEP', 9)],
          }),
          today,
        ),
      ),
    ).toEqual(['input.findings[0].severity', 'input.findings[1].severity', 'input.findings[2].area']);
    expect(fieldsOf(() => validateHealthAssessment(assessment({ findings: [finding('DENTAL', 8)] }), today))).toEqual([
      'input.findings[0].severity',
    ]);
  });
});

describe('planHealthAssessmentRevision', () => {
  const current = validateHealthAssessment(
    assessment({ physical: 'Back pain', findings: [{ area: 'SLEEP', severity: 3 }] }),
    today,
  );

  it('keeps what is left out, clears a text given as null and replaces all findings when given', () => {
    const { assessment: next, reason } = planHealthAssessmentRevision(
      current,
      {
        assessmentId: 'a',
        mental: 'Low mood',
        physical: null,
        findings: [{ area: 'MENTAL', severity: 2 }],
        reason: ' New GP letter ',
      },
      today,
    );
    expect(next).toMatchObject({ physical: null, mental: 'Low mood', summaryForTeam: current.summaryForTeam });
    expect(next.findings.map((f) => f.area)).toEqual(['MENTAL']);
    expect(reason).toBe('New GP letter');
    expect(planHealthAssessmentRevision(current, { assessmentId: 'a' }, today).assessment.findings).toEqual(
      current.findings,
    );
  });

  it('checks the revised assessment with the same rules and paths', () => {
    expect(
      fieldsOf(() =>
        planHealthAssessmentRevision(current, { assessmentId: 'a', findings: [finding('OTHER', 7)] }, today),
      ),
    ).toEqual(['input.findings[0].severity']);
    expect(
      fieldsOf(() => planHealthAssessmentRevision(current, { assessmentId: 'a', summaryForTeam: ' ' }, today)),
    ).toEqual(['input.summaryForTeam']);
  });
});
