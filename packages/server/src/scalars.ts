import { isRealDate } from '@helhed/calendar';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

function scalar(name: string, description: string, valid: (v: string) => boolean, example: string) {
  const check = (value: unknown): string => {
    if (typeof value === 'string' && valid(value)) return value;
    throw new GraphQLError(`${name} must be written ${example} and be a real ${name === 'Date' ? 'date' : 'month'}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => {
      if (value instanceof Date) return value.toISOString().slice(0, name === 'Date' ? 10 : 7);
      return check(value);
    },
    parseValue: check,
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(`${name} must be a string like ${example}`);
      return check(ast.value);
    },
  });
}

/** A calendar date without time or zone, e.g. 2026-11-22 (Danish local date). */
export const DateScalar = scalar('Date', 'A calendar date, YYYY-MM-DD.', isRealDate, '2026-11-22');

/** A calendar month, e.g. 2026-11. */
export const YearMonthScalar = scalar(
  'YearMonth',
  'A calendar month, YYYY-MM.',
  (v) => {
    const m = YEAR_MONTH.exec(v);
    return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
  },
  '2026-11',
);

/** A point in time, ISO 8601 in UTC (e.g. 2026-11-22T14:00:00.000Z). */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A point in time, ISO 8601 in UTC.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
});
