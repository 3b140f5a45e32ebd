import { UserInputError, UserInputErrors } from '@helhed/errors';
import { validateHealthAssessment, type HealthAssessmentInput } from './health-assessment';

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
