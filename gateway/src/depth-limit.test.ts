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
