import { isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { describeCriterion, type AuditOperation } from '@helhed/audit';
import type { DataCategory, DataCategoryMap } from '@helhed/identity';
import { fieldPathOf } from './field-path';

/**
 * How one root field touches persons' data beyond reading their fields:
 * a search finds persons by a criterion, a mutation creates, changes or
 * deletes them, an export hands their data out. `persons` says whose data it
 * was, from the field's arguments and its result (after it succeeded).
 */
export interface AuditedOperation<TContext = any> {
  category: DataCategory;
  operation: Exclude<AuditOperation, 'READ'>;
  persons: (result: any, args: any, context: TContext, parent: any) => Iterable<string> | Promise<Iterable<string>>;
}

/**
 * A subgraph's declared operation audit (its `src/operation-audit.ts`), per
 * root field: an `AuditedOperation`; `'READ'` for a root field that only
 * reads (its persons' fields are audited one by one by the field policy);
 * `'RESOLVER'` for a field whose resolver notes its own audit entry (it alone
 * knows, e.g., whether an upsert created or changed); or `'NOT_PERSONAL'`. Every mutation, and every query of a personal data
 * category, must be declared (`checkOperationAudit`). A field of another type
 * may be declared too (e.g. an export's rows, resolved through `_entities`).
 */
export type OperationAuditMap<TContext = any> = Record<
  string,
  AuditedOperation<TContext> | 'READ' | 'RESOLVER' | 'NOT_PERSONAL'
>;

/**
 * Checks a subgraph's operation audit against its schema and its data
 * categories: the root fields that must be declared and are not (every
 * mutation; every query whose category is personal), declarations of fields
 * that are gone, and mutations of a personal category declared NOT_PERSONAL.
 */
export function checkOperationAudit(
  schema: GraphQLSchema,
  categories: DataCategoryMap,
  operations: OperationAuditMap,
): { undeclared: string[]; unknown: string[]; inconsistent: string[] } {
  const required: string[] = [];
  const known = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_')) continue;
    const root = type.name === 'Query' || type.name === 'Mutation';
    for (const name of Object.keys(type.getFields())) {
      const key = `${type.name}.${name}`;
      if (key === 'Query._entities' || key === 'Query._service') continue;
      known.add(key);
      if (root && (type.name === 'Mutation' || (categories[key] ?? 'NOT_PERSONAL') !== 'NOT_PERSONAL'))
        required.push(key);
    }
  }
  return {
    undeclared: required.filter((k) => !(k in operations)).sort(),
    unknown: Object.keys(operations)
      .filter((k) => !known.has(k))
      .sort(),
    inconsistent: Object.entries(operations)
      .filter(([k, v]) => v === 'NOT_PERSONAL' && categories[k] !== undefined && categories[k] !== 'NOT_PERSONAL')
      .map(([k]) => k)
      .sort(),
  };
}

type Resolver = (parent: any, args: any, context: any, info: GraphQLResolveInfo) => unknown;
type ResolverMap = Record<string, Record<string, unknown>>;

/**
 * Wraps each declared search, change, deletion and export: when the field
 * succeeds, one audit entry per person it found or touched is noted (the
 * request's trail keeps one row per person, category and operation, with
 * every field path, aliases included). A search's criterion is its field and
 * arguments with CPR numbers masked. A field that fails (an error: nothing
 * written) records nothing.
 */
export function withOperationAudit<TContext>(
  resolvers: ResolverMap,
  audit: {
    operations: OperationAuditMap<TContext>;
    record: (
      context: TContext,
      entry: {
        personId: string;
        category: DataCategory;
        fieldPath: string;
        operation: AuditOperation;
        criterion: string | null;
      },
    ) => void;
  },
): ResolverMap {
  const wrapped: ResolverMap = { ...resolvers };
  for (const [key, declared] of Object.entries(audit.operations)) {
    if (typeof declared === 'string') continue;
    const [typeName, fieldName] = key.split('.') as [string, string];
    const typeResolvers = { ...(wrapped[typeName] ?? {}) };
    const original = typeResolvers[fieldName];
    if (typeof original !== 'function')
      throw new Error(`${key} is declared in the operation audit but has no resolver`);
    typeResolvers[fieldName] = async (parent: unknown, args: any, context: TContext, info: GraphQLResolveInfo) => {
      const result = await (original as Resolver)(parent, args, context, info);
      const persons = new Set(await declared.persons(result, args, context, parent));
      const fieldPath = fieldPathOf(info.path);
      const criterion = declared.operation === 'SEARCH' ? describeCriterion(info.fieldName, args ?? {}) : null;
      for (const personId of persons)
        audit.record(context, {
          personId,
          category: declared.category,
          fieldPath,
          operation: declared.operation,
          criterion,
        });
      return result;
    };
    wrapped[typeName] = typeResolvers;
  }
  return wrapped;
}
