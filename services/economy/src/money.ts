import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** Money is counted in whole øre (integers); DKK text is for display. */
export interface Money {
  ore: number;
  dkk: string;
}

export function money(ore: number): Money {
  return { ore, dkk: formatDkk(ore) };
}

export function formatDkk(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** a ÷ b rounded to a whole number, half away from zero (b > 0): the one rounding rule of economy. */
export function roundDiv(a: number, b: number): number {
  const q = Math.floor((2 * Math.abs(a) + b) / (2 * b));
  return a < 0 ? -q : q;
}

/** Whole øre out, whole øre in: anything else is a bug, not a value to send. */
export const OreScalar = new GraphQLScalarType({
  name: 'Ore',
  description: 'A whole number of øre.',
  serialize: (value) => {
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new GraphQLError('Ore must be a whole number');
    return n;
  },
  parseValue: (value) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value))
      throw new GraphQLError('Ore must be a whole number of øre', { extensions: { code: 'BAD_USER_INPUT' } });
    return value;
  },
  parseLiteral: (ast) => {
    const n = ast.kind === Kind.INT ? Number(ast.value) : NaN;
    if (!Number.isSafeInteger(n))
      throw new GraphQLError('Ore must be a whole number of øre', { extensions: { code: 'BAD_USER_INPUT' } });
    return n;
  },
});
