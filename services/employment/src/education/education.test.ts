import { UserInputError, UserInputErrors } from '@helhed/errors';
import { planEducationOutcome, validateEducationEnrolment } from './education';

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

describe('education rules', () => {
  it('checks the enrolment and reports every problem', () => {
    expect(
      fieldsOf(() =>
        validateEducationEnrolment({
          personId: 'x',
          level: 'VOCATIONAL',
          institution: ' ',
          startedOn: '2026-08-01',
          expectedEndOn: '2026-07-31',
        }),
      ),
    ).toEqual(['input.personId', 'input.institution', 'input.expectedEndOn']);
  });

  it('records one outcome, not before the start', () => {
    const enrolled = { startedOn: '2026-08-01', outcome: null, outcomeOn: null };
    const input = { educationEnrolmentId: 'e', outcome: 'DROPPED_OUT' as const, on: '2026-08-01' };
    expect(planEducationOutcome(enrolled, input)).toEqual({ outcome: 'DROPPED_OUT', outcomeOn: '2026-08-01' });
    expect(fieldsOf(() => planEducationOutcome(enrolled, { ...input, on: '2026-07-31' }))).toEqual(['input.on']);
    expect(
      fieldsOf(() => planEducationOutcome({ ...enrolled, outcome: 'COMPLETED', outcomeOn: '2027-06-30' }, input)),
    ).toEqual(['input.educationEnrolmentId']);
  });
});
