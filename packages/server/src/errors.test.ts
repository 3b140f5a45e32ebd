import { GraphQLError } from 'graphql';
import { createErrorFormatter, variableFieldOf } from './errors';
import { createLogger } from './logger';

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

describe('createErrorFormatter', () => {
  it("masks an unexpected error and logs it without the statement's parameters or the row's values", () => {
    const lines: string[] = [];
    const logger = createLogger('test', { destination: { write: (line: string) => void lines.push(line) } });
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "person_name_key"'), {
      code: '23505',
      table: 'person',
      constraint: 'person_name_key',
      detail: 'Key (first_name)=(Ingeborg) already exists.',
    });
    const queryFailed = Object.assign(new Error(driverError.message), {
      name: 'QueryFailedError',
      query: 'INSERT INTO "person"("first_name", "cpr") VALUES ($1, $2)',
      parameters: ['Ingeborg', '1203851234'],
      driverError,
    });
    const formatted = createErrorFormatter(logger)(
      { message: queryFailed.message, path: ['createFamily'] },
      new GraphQLError(queryFailed.message, { originalError: queryFailed, path: ['createFamily'] }),
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['createFamily'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const log = lines.join('');
    expect(log).toMatch(/QueryFailedError.*23505.*person_name_key/);
    expect(log).not.toMatch(/Ingeborg|1203851234|INSERT/);
  });
});
