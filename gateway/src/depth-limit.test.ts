import { buildSchema, parse, validate } from 'graphql';
import { depthLimit } from './depth-limit';

const schema = buildSchema(`
  type Query { family: Family }
  type Family { members: [Person] }
  type Person { family: Family name: String }
`);

const errorsOf = (query: string, max: number) =>
  validate(schema, parse(query), [depthLimit(max)]).map((e) => e.message);

describe('depthLimit', () => {
  it('accepts operations up to the limit', () => {
    expect(errorsOf('{ family { members { name } } }', 3)).toEqual([]);
  });

  it('refuses deeper nesting, also through fragments', () => {
    expect(errorsOf('{ family { members { family { members { name } } } } }', 3)).toEqual([
      'The operation is nested 5 levels deep; at most 3 are allowed',
    ]);
    expect(
      errorsOf('query { family { ...F } } fragment F on Family { members { family { members { name } } } }', 3),
    ).toHaveLength(1);
  });
});

describe('depthLimit on fragments spread into fragments', () => {
  it('measures 2^30 spreads without walking them', () => {
    const levels = 30;
    const query = [
      '{ ...F0 }',
      ...Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`),
      `fragment F${levels} on Query { family { members { family { members { name } } } } }`,
    ].join('\n');
    expect(errorsOf(query, 5)).toEqual([]);
    expect(errorsOf(query, 4)).toEqual(['The operation is nested 5 levels deep; at most 4 are allowed']);
  });
});
