import { buildSubgraphSchema } from '@apollo/subgraph';
import { defaultFieldResolver, isObjectType, parse, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { ForbiddenError } from '@helhed/errors';
import {
  auditCategoryOf,
  decideRead,
  type DataCategory,
  type DataCategoryMap,
  type DeclaredCategory,
  type Identity,
  type ReadBasis,
  type ReadDecision,
} from '@helhed/identity';
import { fieldPathOf } from './field-path';
import { readSchema } from './subgraph';

/** Fields every subgraph has that are Federation's own (never personal data by themselves). */
const FEDERATION_FIELDS = new Set(['Query._entities', 'Query._service']);

/** A service's subgraph schema as served (its `schema.graphql` and the `.graphql` files under `src`), without resolvers. */
export function subgraphSchemaOf(serviceDir: string): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: parse(readSchema(serviceDir)) }]);
}

/** Every `Type.field` of the schema's object types that a data-category map must declare. */
export function declarableFields(schema: GraphQLSchema): string[] {
  const fields: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_')) continue;
    for (const name of Object.keys(type.getFields())) {
      const key = `${type.name}.${name}`;
      if (!FEDERATION_FIELDS.has(key)) fields.push(key);
    }
  }
  return fields.sort();
}

/**
 * Checks a subgraph's declared policy against its schema: the fields without a
 * declared category (a new field must be declared, as a category or
 * `NOT_PERSONAL`) and declarations of fields that no longer exist.
 */
export function checkDataCategories(
  schema: GraphQLSchema,
  map: DataCategoryMap,
): { undeclared: string[]; unknown: string[] } {
  const fields = declarableFields(schema);
  const known = new Set(fields);
  return {
    undeclared: fields.filter((f) => !(f in map)),
    unknown: Object.keys(map)
      .filter((f) => !known.has(f))
      .sort(),
  };
}

/** Whose data an object is: the person (when it is one person's), its family, and the municipality that owns it. */
export interface DataSubject {
  personId: string | null;
  familyId: string | null;
  municipality: string;
}

export type GuardedCategory = Exclude<DeclaredCategory, 'NOT_PERSONAL'>;

/** Whose data an object is: one subject, several (all must be allowed), or none (not a person's data). */
export type Subjects = DataSubject | readonly DataSubject[] | null;

/** How a subgraph guards its fields (see `guardFields`). */
export interface FieldGuard<TContext> {
  /** The subgraph's declared policy (its `src/data-categories.ts`). */
  categories: DataCategoryMap;
  /**
   * Whose data an object of a type is, per type name. Fields of types not
   * listed here are not guarded by the wrapper (root fields and entity
   * references authorise on their own); `null` means "not a person's data"
   * (allowed); a list (e.g. an activity's participants, whose attendance is
   * summed) must be allowed for every subject in it.
   */
  subjects: Record<string, (parent: any, context: TContext) => Subjects | Promise<Subjects>>;
  /**
   * The decision for the caller, a subject and a category: the subgraph
   * gathers the facts (team, consent, project) through its request's loaders
   * and asks `decideRead` from @helhed/identity.
   */
  decide: (context: TContext, subject: DataSubject, category: GuardedCategory, field: string) => Promise<ReadDecision>;
  /** Runs once a read was allowed and the field answered (the subgraph notes it in its audit trail). */
  allowed?: (context: TContext, subject: DataSubject, category: GuardedCategory, info: GraphQLResolveInfo) => void;
}

type Resolver = (parent: any, args: any, context: any, info: GraphQLResolveInfo) => unknown;
type ResolverMap = Record<string, Record<string, unknown>>;

/**
 * Wraps the resolvers of every declared field of a guarded type (including
 * fields resolved by the default resolver): before the field resolves, the
 * policy is asked; when it says no, the field answers null with a FORBIDDEN
 * error at its path and the rest of the query still answers (a non-null
 * field's null goes to its nearest nullable parent, as GraphQL does). An
 * allowed read is noted (`allowed`) once the field's resolver answered.
 */
export function guardFields<TContext>(resolvers: ResolverMap, guard: FieldGuard<TContext>): ResolverMap {
  const wrapped: ResolverMap = { ...resolvers };
  for (const [key, category] of Object.entries(guard.categories)) {
    if (category === 'NOT_PERSONAL') continue;
    const [typeName, fieldName] = key.split('.') as [string, string];
    const subjectOf = guard.subjects[typeName];
    if (!subjectOf) continue;
    const typeResolvers = { ...(wrapped[typeName] ?? {}) };
    const original = typeResolvers[fieldName];
    if (original !== undefined && typeof original !== 'function') continue;
    const resolve: Resolver = (original as Resolver | undefined) ?? defaultFieldResolver;
    typeResolvers[fieldName] = async (parent: unknown, args: unknown, context: TContext, info: GraphQLResolveInfo) => {
      const found = await subjectOf(parent, context);
      const subjects: readonly DataSubject[] = found === null ? [] : 'municipality' in found ? [found] : found;
      const decisions = await Promise.all(subjects.map((s) => guard.decide(context, s, category, key)));
      const refused = decisions.find((d) => !d.allowed);
      if (refused && !refused.allowed) throw new ForbiddenError(refused.reason);
      // Noted once the field answered: a resolver that refuses on its own (a fetch the gateway did not plan,
      // bad input) read nothing, so it leaves no row.
      const value = await resolve(parent, args, context, info);
      for (const subject of subjects) guard.allowed?.(context, subject, category, info);
      return value;
    };
    wrapped[typeName] = typeResolvers;
  }
  return wrapped;
}

/** What a subgraph says to adopt the declared policy (see `withDeclaredPolicy`). */
export interface DeclaredPolicy<TContext extends { identity: Identity }> {
  /** The subgraph's `src/data-categories.ts`. */
  categories: DataCategoryMap;
  /** The subgraph's own category: its INDICATOR fields are audited under it. */
  ownCategory: DataCategory;
  /** Whose data an object of each guarded type is (e.g. `Person: (p) => ({ personId: p.id, … })`). */
  subjects: FieldGuard<TContext>['subjects'];
  /**
   * The team and sharing facts of a person for a category, from the family
   * subgraph (`callerAccessLoader` from @helhed/family-directory, made per
   * request); `null` when the family subgraph does not show the person.
   */
  access: (
    context: TContext,
    personId: string,
    category: DataCategory,
    /** The field's declared category (PLAN, INDICATOR, … as declared; `category` is what it is audited as). */
    declared?: GuardedCategory,
  ) => Promise<{ onTeam: boolean; sharingAllowed: boolean; isProjectLeadOfFamily?: boolean } | null>;
  /**
   * The team and project facts of a family for data that is the family's, not
   * one person's (its plan, its case): asked when a subject has a `familyId`
   * but no `personId`. Without it such data is decided as "not on the team".
   * The family subgraph answers it from its own loaders.
   */
  familyAccess?: (
    context: TContext,
    familyId: string,
    category: DataCategory,
    declared?: GuardedCategory,
  ) => Promise<{ onTeam: boolean; sharingAllowed: boolean; isProjectLeadOfFamily?: boolean } | null>;
  /** Notes an allowed read in the request's audit trail (`ctx.audit.record`). */
  record?: (
    context: TContext,
    entry: { personId: string; category: DataCategory; fieldPath: string; operation: 'READ' },
  ) => void;
  /**
   * A subgraph's own narrowing of what `decideRead` allowed, field by field
   * (the health subgraph's three views: a team member whom a consent lets see
   * HEALTH sees the summary for the team, not the clinical findings). It may
   * only refuse; it is never asked about a read `decideRead` refused.
   */
  narrow?: (
    context: TContext,
    read: { field: string; category: GuardedCategory; basis: ReadBasis; subject: DataSubject },
  ) => ReadDecision;
}

/**
 * Adopting the one policy in a subgraph: its resolvers, its declared map, and
 * how to learn the team and sharing facts. Every declared field of a guarded
 * type asks `decideRead`; a refusal answers null with FORBIDDEN at the field's
 * path; an allowed read of a person's data is recorded once per person and
 * category (the audit trail merges the field paths).
 */
export function withDeclaredPolicy<TContext extends { identity: Identity }>(
  resolvers: ResolverMap,
  policy: DeclaredPolicy<TContext>,
): ResolverMap {
  return guardFields<TContext>(resolvers, {
    categories: policy.categories,
    subjects: policy.subjects,
    decide: async (context, subject, category, field) => {
      const asked = auditCategoryOf(category, policy.ownCategory);
      const read = { category, municipality: subject.municipality, ownCategory: policy.ownCategory };
      // A read allowed without any team, consent or project fact (the ECONOMY department's cost basis, …)
      // needs no question to the family subgraph; facts only widen.
      let decision = decideRead(context.identity, {
        ...read,
        onTeam: false,
        sharingAllowed: false,
        isProjectLeadOfFamily: false,
      });
      if (!decision.allowed && (subject.personId || (subject.familyId && policy.familyAccess))) {
        const facts = subject.personId
          ? await policy.access(context, subject.personId, asked, category)
          : await policy.familyAccess!(context, subject.familyId!, asked, category);
        if (!facts) return { allowed: false, reason: 'The person is not known to the caller' };
        decision = decideRead(context.identity, { ...read, ...facts });
      }
      if (!decision.allowed || !policy.narrow) return decision;
      const narrowed = policy.narrow(context, { field, category, basis: decision.basis, subject });
      return narrowed.allowed ? decision : narrowed;
    },
    allowed: (context, subject, category, info) => {
      if (!subject.personId || !policy.record) return;
      policy.record(context, {
        personId: subject.personId,
        category: auditCategoryOf(category, policy.ownCategory),
        fieldPath: fieldPathOf(info.path),
        operation: 'READ',
      });
    },
  });
}

/**
 * Audit without the field-level team rule (for a subgraph whose fields are
 * still guarded by its own resolvers' `authorize`): every declared field of a
 * subject type notes its read in the request's audit trail. Adopting the rule
 * later is replacing this call by `withDeclaredPolicy`.
 */
export function withReadAudit<TContext>(
  resolvers: ResolverMap,
  audit: {
    categories: DataCategoryMap;
    ownCategory: DataCategory;
    subjects: FieldGuard<TContext>['subjects'];
    record: (
      context: TContext,
      entry: { personId: string; category: DataCategory; fieldPath: string; operation: 'READ' },
    ) => void;
  },
): ResolverMap {
  return guardFields<TContext>(resolvers, {
    categories: audit.categories,
    subjects: audit.subjects,
    decide: async () => ({ allowed: true, basis: 'TEAM' }),
    allowed: (context, subject, category, info) => {
      if (!subject.personId) return;
      audit.record(context, {
        personId: subject.personId,
        category: auditCategoryOf(category, audit.ownCategory),
        fieldPath: fieldPathOf(info.path),
        operation: 'READ',
      });
    },
  });
}
