import { buildSchema, parse, validate, type OperationDefinitionNode } from 'graphql';
import { aliasLimit, operationCost } from './limits';

const schema = buildSchema(`
  type Query { family(id: ID!): Family families(first: Int = 50): FamilyConnection! }
  type FamilyConnection { edges: [FamilyEdge!]! }
  type FamilyEdge { node: Family! }
  type Family { id: ID! members: [Person!]! tags: [String!]! history(first: Int = 20): ChangeConnection! }
  type ChangeConnection { nodes: [Change!]! }
  type Change { at: String }
  type Person { name: String family: Family }
`);

const aliasErrors = (query: string, max: number) =>
  validate(schema, parse(query), [aliasLimit(max)]).map((e) => e.message);

const costOf = (query: string, variables: Record<string, unknown> = {}, defaultListSize = 10) => {
  const document = parse(query);
  return operationCost(
    schema,
    document,
    document.definitions[0] as OperationDefinitionNode,
    variables,
    defaultListSize,
  );
};

describe('aliasLimit', () => {
  it('accepts up to the limit and refuses more, counting fragments where they are spread', () => {
    expect(aliasErrors('{ a: family(id: 1) { id } b: family(id: 2) { x: id } }', 3)).toEqual([]);
    expect(
      aliasErrors('{ a: family(id: 1) { ...F } b: family(id: 2) { ...F } } fragment F on Family { x: id y: id }', 3),
    ).toEqual(['The operation uses 6 aliases; at most 3 are allowed']);
  });
});

describe('operationCost', () => {
  it('counts a leaf as 1 and an object field as 1 plus its selections', () => {
    expect(costOf('{ family(id: 1) { id tags __typename } }')).toBe(1 + 2);
  });

  it('multiplies a list without a size argument by the default list size', () => {
    // family(1) + members(1 + 10 × (name + family(1 + id)))
    expect(costOf('{ family(id: 1) { members { name family { id } } } }')).toBe(1 + 1 + 10 * (1 + 2));
  });

  it("multiplies a paginated field by its first argument, its variable, or the schema's default, once", () => {
    // families(1 + first × (edges 1 + 1 × (node 1 + id 1)))
    expect(costOf('{ families(first: 5) { edges { node { id } } } }')).toBe(1 + 5 * (1 + 1 * (1 + 1)));
    expect(costOf('query ($n: Int) { families(first: $n) { edges { node { id } } } }', { n: 100 })).toBe(1 + 100 * 3);
    expect(costOf('{ families { edges { node { id } } } }')).toBe(1 + 50 * 3);
  });

  it('grows with nesting, so a deep list of lists is expensive', () => {
    expect(costOf('{ families(first: 10) { edges { node { id } } } }')).toBe(31);
    // history 1 + 10 × 2 = 21, family 22, members 1 + 10 × 22, node 222, edges 223, families 1 + 10 × 223
    expect(
      costOf(
        '{ families(first: 10) { edges { node { members { family { history(first: 10) { nodes { at } } } } } } } }',
      ),
    ).toBe(2231);
  });

  it('follows fragments and inline fragments', () => {
    expect(costOf('{ family(id: 1) { ...F } } fragment F on Family { members { name } }')).toBe(
      costOf('{ family(id: 1) { members { name } } }'),
    );
    expect(costOf('{ family(id: 1) { ... on Family { id } } }')).toBe(2);
  });
});

/** F0 spreads F1 twice, F1 spreads F2 twice, …: 2^levels spreads of the last fragment from a tiny document. */
const fragmentBomb = (levels: number, last: string) =>
  [
    'query Bomb { ...F0 }',
    ...Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`),
    `fragment F${levels} on Query { ${last} }`,
  ].join('\n');

describe('fragments spread into fragments (a "fragment bomb")', () => {
  // 2^30 spreads: walking every path would never finish; each fragment is counted once and multiplied.
  it('counts the aliases of 2^30 spreads without walking them', () => {
    expect(aliasErrors(fragmentBomb(30, 'a: __typename'), 30)).toEqual([
      `The operation uses ${2 ** 30} aliases; at most 30 are allowed`,
    ]);
  });

  it('costs 2^30 spreads of a field without walking them', () => {
    expect(costOf(fragmentBomb(30, 'family(id: 1) { id }'))).toBe(2 ** 30 * 2);
  });

  it('still counts a fragment inside a paginated field once per page', () => {
    expect(
      costOf(
        '{ families(first: 5) { edges { ...E } } } fragment E on FamilyEdge { node { ...P } } fragment P on Family { id }',
      ),
    ).toBe(costOf('{ families(first: 5) { edges { node { id } } } }'));
  });
});

describe("a variable's default", () => {
  it('counts as the value when the request leaves the variable out', () => {
    const literal = costOf('{ families(first: 200) { edges { node { members { name } } } } }');
    expect(costOf('query ($n: Int = 200) { families(first: $n) { edges { node { members { name } } } } }')).toBe(
      literal,
    );
    expect(
      costOf('query ($n: Int = 200) { families(first: $n) { edges { node { members { name } } } } }', { n: 2 }),
    ).toBeLessThan(literal);
  });
});
