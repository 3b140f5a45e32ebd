import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import { checkOperationAudit, withOperationAudit, type OperationAuditMap } from './operation-audit';

const typeDefs = parse(`
  type Query { findPersons(cpr: String!): [ID!]! about: String }
  type Mutation { rename(id: ID!, fail: Boolean): ID! setUp: Boolean }
`);

type Entry = { personId: string; operation: string; fieldPath: string; criterion: string | null };

const operations: OperationAuditMap = {
  'Query.findPersons': { category: 'BASIC', operation: 'SEARCH', persons: (ids: string[]) => ids },
  'Mutation.rename': { category: 'BASIC', operation: 'UPDATE', persons: (_r, args: { id: string }) => [args.id] },
  'Mutation.setUp': 'NOT_PERSONAL',
};

function run(source: string) {
  const recorded: Entry[] = [];
  const resolvers = withOperationAudit(
    {
      Query: { findPersons: () => ['p1', 'p2'], about: () => 'x' },
      Mutation: {
        rename: (_: unknown, args: { id: string; fail?: boolean }) => {
          if (args.fail) throw new Error('refused');
          return args.id;
        },
        setUp: () => true,
      },
    },
    { operations, record: (_ctx, e) => recorded.push(e) },
  );
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: resolvers as any }]);
  return graphql({ schema, source, contextValue: {} }).then((result) => ({ result, recorded }));
}

describe('withOperationAudit', () => {
  it('records each person a search found, with the criterion masked, under the alias', async () => {
    const { recorded } = await run(`{ hits: findPersons(cpr: "1205881234") }`);
    expect(recorded).toEqual([
      expect.objectContaining({
        personId: 'p1',
        operation: 'SEARCH',
        fieldPath: 'hits',
        criterion: 'findPersons(cpr: "120588-XXXX")',
      }),
      expect.objectContaining({ personId: 'p2', operation: 'SEARCH', fieldPath: 'hits' }),
    ]);
  });

  it('records a change once it succeeded, and nothing for a failed one', async () => {
    expect((await run(`mutation { rename(id: "p3") }`)).recorded).toEqual([
      expect.objectContaining({ personId: 'p3', operation: 'UPDATE', fieldPath: 'rename', criterion: null }),
    ]);
    const failed = await run(`mutation { rename(id: "p3", fail: true) }`);
    expect(failed.result.errors).toHaveLength(1);
    expect(failed.recorded).toEqual([]);
    expect((await run(`mutation { setUp }`)).recorded).toEqual([]);
  });

  it('finds an undeclared mutation or personal query, a declaration of a field that is gone, and a personal mutation declared NOT_PERSONAL', () => {
    const schema = buildSubgraphSchema([{ typeDefs }]);
    const categories = {
      'Query.findPersons': 'BASIC',
      'Query.about': 'NOT_PERSONAL',
      'Mutation.rename': 'BASIC',
      'Mutation.setUp': 'BASIC',
    } as const;
    expect(checkOperationAudit(schema, categories, operations)).toEqual({
      undeclared: [],
      unknown: [],
      inconsistent: ['Mutation.setUp'],
    });
    const { 'Mutation.rename': _, ...withoutRename } = operations;
    expect(
      checkOperationAudit(
        schema,
        { ...categories, 'Query.about': 'BASIC' },
        { ...withoutRename, 'Query.gone': 'READ' },
      ),
    ).toMatchObject({ undeclared: ['Mutation.rename', 'Query.about'], unknown: ['Query.gone'] });
  });
});
