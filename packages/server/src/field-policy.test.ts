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
import { checkDataCategories, guardFields, withDeclaredPolicy, type DataSubject } from './field-policy';
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

describe('withDeclaredPolicy', () => {
  const defs = `
    type Query { activity: Activity }
    type Activity { attendance: String summary: String clinical: String period: String }
  `;
  const categories = {
    'Query.activity': 'NOT_PERSONAL',
    'Activity.attendance': 'EMPLOYMENT',
    'Activity.summary': 'HEALTH',
    'Activity.clinical': 'HEALTH',
    'Activity.period': 'COST_BASIS',
  } as const;
  const run = async (
    identity: Identity,
    access: Record<string, { onTeam: boolean; sharingAllowed: boolean }>,
    source = '{ activity { attendance summary clinical } }',
  ) => {
    const asked: string[] = [];
    const audited: string[] = [];
    const resolvers = withDeclaredPolicy<{ identity: Identity }>(
      { Query: { activity: () => ({ attendance: '80%', summary: 'ok', clinical: 'x', period: '2026-01' }) } },
      {
        categories,
        ownCategory: 'EMPLOYMENT',
        // An activity's data is every participant's.
        subjects: {
          Activity: () => ['p1', 'p2'].map((personId) => ({ personId, familyId: null, municipality: '630' })),
        },
        access: async (_ctx, personId) => {
          asked.push(personId);
          return access[personId] ?? null;
        },
        record: (_ctx, e) => audited.push(`${e.personId} ${e.category} ${e.fieldPath}`),
        narrow: (_ctx, read) =>
          read.field === 'Activity.clinical' && read.basis !== 'OWN_DEPARTMENT'
            ? { allowed: false, reason: 'clinical' }
            : { allowed: true, basis: read.basis },
      },
    );
    const result = await graphql({
      schema: makeExecutableSchemaLike(defs, resolvers),
      source,
      contextValue: { identity },
    });
    return { result, asked, audited };
  };
  const caseworker = (department: Identity['department']): Identity => ({
    userId: 'cw',
    municipality: '630',
    department,
    roles: ['CASEWORKER'],
  });

  it('allows a field of several subjects only when every one is allowed, and audits each', async () => {
    const onTeam = { onTeam: true, sharingAllowed: false };
    const { result, audited } = await run(caseworker('JOBCENTER'), { p1: onTeam, p2: onTeam });
    expect(result.data?.activity).toMatchObject({ attendance: '80%' });
    expect(audited).toEqual(['p1 EMPLOYMENT activity.attendance', 'p2 EMPLOYMENT activity.attendance']);
    const oneOff = await run(caseworker('JOBCENTER'), { p1: onTeam, p2: { onTeam: false, sharingAllowed: false } });
    expect(oneOff.result.data?.activity).toMatchObject({ attendance: null });
    expect(oneOff.audited).toEqual([]);
  });

  it("lets the subgraph's narrowing refuse part of what decideRead allowed, never widen it", async () => {
    const shared = { onTeam: true, sharingAllowed: true };
    const { result } = await run(caseworker('FAMILY'), { p1: shared, p2: shared });
    expect(result.data?.activity).toEqual({ attendance: '80%', summary: 'ok', clinical: null });
    const noConsent = { onTeam: true, sharingAllowed: false };
    const refused = await run(caseworker('FAMILY'), { p1: noConsent, p2: noConsent });
    expect(refused.result.data?.activity).toEqual({ attendance: null, summary: null, clinical: null });
  });

  // Before the team rule (issue 9) this test had the HEALTH department read HEALTH without a question; now the
  // one read allowed without any fact is the ECONOMY department's cost basis.
  it('asks the family subgraph nothing when the answer cannot depend on team or consent', async () => {
    const { result, asked } = await run(caseworker('ECONOMY'), {}, '{ activity { period } }');
    expect(result.data?.activity).toEqual({ period: '2026-01' });
    expect(asked).toEqual([]);
  });

  it("asks the family subgraph for a department's own category: the team's only (issue 9)", async () => {
    const offTeam = await run(caseworker('HEALTH'), {
      p1: { onTeam: false, sharingAllowed: true },
      p2: { onTeam: false, sharingAllowed: true },
    });
    expect(offTeam.result.data?.activity).toEqual({ attendance: null, summary: null, clinical: null });
    expect(offTeam.asked.length).toBeGreaterThan(0);
    const onTeam = { onTeam: true, sharingAllowed: false };
    const { result } = await run(caseworker('HEALTH'), { p1: onTeam, p2: onTeam });
    expect(result.data?.activity).toEqual({ attendance: null, summary: 'ok', clinical: 'x' });
  });
});
