import { variableFieldOf } from './errors';

describe('variableFieldOf', () => {
  it('reads the input path of a variable that does not fit the schema', () => {
    expect(
      variableFieldOf(
        'Variable "$input" got invalid value "LOTTERY_WIN" at "input.type"; Value "LOTTERY_WIN" does not exist in "BenefitType" enum.',
      ),
    ).toBe('input.type');
    expect(variableFieldOf('Variable "$input" got invalid value "x" at "input.members[0].role"; ...')).toBe(
      'input.members[0].role',
    );
    expect(variableFieldOf('Variable "$id" of required type "ID!" was not provided.')).toBe('id');
    expect(variableFieldOf('Something else')).toBeUndefined();
  });
});
