import { UserInputError, UserInputErrors } from '@helhed/errors';
import { validateNewFamily, type NewFamily } from './new-family';

const today = '2026-11-22';
const family = (over: Partial<NewFamily> = {}): NewFamily => ({
  caseReference: 'VEJ-2026-001',
  members: [
    { cpr: '0101901234', firstName: 'Mette', lastName: 'Hansen', role: 'PARENT' },
    { cpr: '1503154321', firstName: 'Oskar', lastName: 'Hansen', role: 'CHILD' },
  ],
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

describe('validateNewFamily', () => {
  it('accepts a single parent with a child, derives birth dates and sex, and starts in INTAKE', () => {
    const valid = validateNewFamily(family(), today);
    expect(valid.status).toBe('INTAKE');
    expect(valid.members.map((m) => [m.cpr.birthDate, m.cpr.sex])).toEqual([
      ['1990-01-01', 'FEMALE'],
      ['2015-03-15', 'MALE'],
    ]);
  });

  it('is ACTIVE when enrolled at once', () => {
    expect(validateNewFamily(family({ enrolmentDate: '2026-11-01' }), today).status).toBe('ACTIVE');
  });

  it('reports every problem with its field path', () => {
    const fields = fieldsOf(() =>
      validateNewFamily(
        family({
          caseReference: ' ',
          enrolmentDate: '2027-01-01',
          members: [
            { cpr: '3102901234', firstName: 'A', lastName: 'B', role: 'PARENT' },
            { cpr: '0101901234', firstName: '', lastName: 'B', role: 'CHILD' },
            { cpr: '0101901234', firstName: 'C', lastName: 'B', role: 'OTHER_ADULT' },
          ],
        }),
        today,
      ),
    );
    expect(fields).toEqual([
      'input.caseReference',
      'input.enrolmentDate',
      'input.members[0].cpr',
      'input.members[1].firstName',
      'input.members[1].role',
      'input.members[2].cpr',
    ]);
  });

  it('needs a parent', () => {
    expect(
      fieldsOf(() =>
        validateNewFamily(
          family({ members: [{ cpr: '1503154321', firstName: 'O', lastName: 'H', role: 'CHILD' }] }),
          today,
        ),
      ),
    ).toEqual(['input.members']);
  });
});
