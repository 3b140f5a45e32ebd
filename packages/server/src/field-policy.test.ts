import { buildSchema, graphql, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

/** A plain schema with resolvers attached (for tests of resolver wrappers, without Federation). */
function makeExecutableSchemaLike(typeDefs: string, resolvers: Record<string, Record<string, unknown>>): GraphQLSchema {
  const schema = buildSchema(typeDefs);
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName) as { getFields?: () => Record<string, { resolve?: unknown }> } | undefined;
    for (const [name, resolve] of Object.entries(fields)) {
      const field = type?.getFields?.()[name];
      if (field) field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  return schema;
}
import { checkDataCategories, guardFields, type DataSubject } from './field-policy';
import { decideRead, type Identity } from '@helhed/identity';

const typeDefs = `
  type Query { person(id: ID!): Person }
  type Person { id: ID! firstName: String employment: String health: String }
`;

describe('the declared policy', () => {
  it('names the fields without a declared category and the declarations of fields that are gone', () => {
    const schema = makeExecutableSchemaLike(typeDefs, {});
    expect(
      checkDataCategories(schema, { 'Query.person': 'BASIC', 'Person.id': 'NOT_PERSONAL', 'Person.gone': 'BASIC' }),
    ).toEqual({
      undeclared: ['Person.employment', 'Person.firstName', 'Person.health'],
      unknown: ['Person.gone'],
    });
  });

  it('answers a denied field with null and FORBIDDEN at its path; the rest of the query still answers', async () => {
    const identity: Identity = { userId: 'cw', municipality: '630', department: 'FAMILY', roles: ['CASEWORKER'] };
    const audited: string[] = [];
    const resolvers = guardFields<{ identity: Identity }>(
      { Query: { person: () => ({ id: 'p1', firstName: 'Anna', employment: 'ledig', health: 'x' }) } },
      {
        categories: {
          'Query.person': 'BASIC',
          'Person.id': 'NOT_PERSONAL',
          'Person.firstName': 'BASIC',
          'Person.employment': 'EMPLOYMENT',
          'Person.health': 'HEALTH',
        },
        subjects: {
          Person: (p: { id: string }): DataSubject => ({ personId: p.id, familyId: 'f1', municipality: '630' }),
        },
        decide: async (ctx, _subject, category) =>
          decideRead(ctx.identity, {
            category,
            municipality: '630',
            onTeam: true,
            sharingAllowed: category === 'HEALTH',
          }),
        allowed: (_ctx, subject, category, info) => audited.push(`${subject.personId} ${category} ${info.fieldName}`),
      },
    );
    const schema = makeExecutableSchemaLike(typeDefs, resolvers);
    const result = await graphql({
      schema,
      source: '{ person(id: "p1") { id firstName employment health } }',
      contextValue: { identity },
    });
    expect(result.data).toEqual({ person: { id: 'p1', firstName: 'Anna', employment: null, health: 'x' } });
    expect(result.errors?.map((e) => [e.path?.join('.'), (e.originalError as { code?: string }).code])).toEqual([
      ['person.employment', 'FORBIDDEN'],
    ]);
    expect(audited).toEqual(['p1 BASIC firstName', 'p1 HEALTH health']);
  });
});
