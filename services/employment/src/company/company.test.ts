import { UserInputError, UserInputErrors } from '@helhed/errors';
import { validateCompany, validatePartnership } from './company';
import { cvrProblem } from './cvr';

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

describe('CVR numbers', () => {
  it('accepts numbers whose weighted sum (2,7,6,5,4,3,2,1) is divisible by 11', () => {
    // 1·2 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 + 4·1 = 110
    for (const cvr of ['12345674', '29876541', '31000009', '51234561']) expect(cvrProblem(cvr)).toBeNull();
  });

  it('refuses a wrong check digit, a wrong length, letters and a leading 0', () => {
    expect(cvrProblem('12345675')).toMatch(/modulus-11/);
    expect(cvrProblem('1234567')).toMatch(/8 digits/);
    expect(cvrProblem('1234567A')).toMatch(/8 digits/);
    expect(cvrProblem('02345674')).toMatch(/8 digits/);
  });

  it('normalises spaces and a DK prefix before checking', () => {
    expect(validateCompany({ cvr: 'DK 1234 5674', name: ' Bageriet ' })).toMatchObject({
      cvr: '12345674',
      name: 'Bageriet',
      contactName: null,
    });
  });

  it('reports every problem of a company and an agreement', () => {
    expect(
      fieldsOf(() => validateCompany({ cvr: '12345675', name: '', contactEmail: 'nope', contactPhone: '12' })),
    ).toEqual(['input.cvr', 'input.name', 'input.contactEmail', 'input.contactPhone']);
    expect(
      fieldsOf(() =>
        validatePartnership({ companyId: 'x', kind: 'LEISURE_JOBS', from: '2026-02-01', to: '2026-01-01', places: 0 }),
      ),
    ).toEqual(['input.to', 'input.places']);
  });
});
