import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  typeFromAST,
  valueFromAST,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@helhed/server';

/** The code of a refused operation whose estimated cost is over the limit. */
export const COST_LIMIT_CODE = 'COST_LIMIT_EXCEEDED';

type Selections = { selectionSet?: SelectionSetNode | undefined };

const fragmentsOf = (document: DocumentNode) =>
  new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d] as const),
  );

/**
 * Refuses operations with more than `max` aliased fields (fragments counted
 * each time they are spread): aliases let one request ask for the same
 * expensive field many times over.
 */
export function aliasLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = fragmentsOf(context.getDocument());
    const aliasesIn = (node: Selections, seen: Set<string>): number => {
      let count = 0;
      for (const s of node.selectionSet?.selections ?? []) {
        if (s.kind === Kind.FIELD) count += (s.alias ? 1 : 0) + aliasesIn(s, seen);
        else if (s.kind === Kind.INLINE_FRAGMENT) count += aliasesIn(s, seen);
        else if (!seen.has(s.name.value)) {
          const fragment = fragments.get(s.name.value);
          if (fragment) count += aliasesIn(fragment, new Set([...seen, s.name.value]));
        }
      }
      return count;
    };
    return {
      OperationDefinition(operation) {
        const aliases = aliasesIn(operation, new Set());
        if (aliases > max) {
          context.reportError(
            new GraphQLError(`The operation uses ${aliases} aliases; at most ${max} are allowed`, {
              nodes: [operation],
            }),
          );
        }
      },
    };
  };
}

/** Arguments whose value is the number of items a list field returns. */
const SIZE_ARGUMENTS = ['first', 'last', 'limit'];

/**
 * The estimated cost of an operation, from the list sizes it asks for:
 *
 *   cost(selection set) = Σ cost(field)
 *   cost(field)         = 1                                   for a leaf (scalar, enum, or a list of them)
 *                       = 1 + size(field) × cost(its selections) otherwise
 *   size(field)         = its `first`/`last`/`limit` argument (the schema's default when not given)
 *                       | `defaultListSize` for a list without such an argument
 *                       | 1 otherwise
 *
 * A list directly inside a paginated field (a connection's `edges` or
 * `nodes`) has size 1: the page size is counted once, on the connection.
 * `__typename` costs nothing. Fragments count where they are spread, for
 * every type they may apply to (the most expensive one counts).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  defaultListSize: number,
): number {
  const fragments = fragmentsOf(document);
  const rootType =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!rootType) return 0;

  const sizeOf = (field: FieldNode, definition: GraphQLField<unknown, unknown>, paginatedParent: boolean) => {
    for (const name of SIZE_ARGUMENTS) {
      const argument = definition.args.find((a) => a.name === name);
      if (!argument) continue;
      const node = field.arguments?.find((a) => a.name.value === name);
      const value = node ? valueFromAST(node.value, argument.type, variables) : argument.defaultValue;
      if (typeof value === 'number' && Number.isFinite(value)) return { size: Math.max(0, value), paginated: true };
      return { size: defaultListSize, paginated: true };
    }
    const list = isListType(getNullableType(definition.type));
    return { size: list && !paginatedParent ? defaultListSize : 1, paginated: false };
  };

  const costOf = (
    parent: GraphQLCompositeType,
    node: Selections,
    paginatedParent: boolean,
    seen: Set<string>,
  ): number => {
    let total = 0;
    for (const s of node.selectionSet?.selections ?? []) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value.startsWith('__')) continue;
        const definition =
          isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[s.name.value] : undefined;
        if (!definition) continue; // validation reports unknown fields
        const type = getNamedType(definition.type);
        if (!s.selectionSet || !isCompositeType(type)) {
          total += 1;
          continue;
        }
        const { size, paginated } = sizeOf(s, definition, paginatedParent);
        total += 1 + size * costOf(type, s, paginated, seen);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const condition = s.typeCondition ? typeFromAST(schema, s.typeCondition) : parent;
        total += isCompositeType(condition) ? costOf(condition, s, paginatedParent, seen) : 0;
      } else if (!seen.has(s.name.value)) {
        const fragment = fragments.get(s.name.value);
        if (!fragment) continue;
        const condition = typeFromAST(schema, fragment.typeCondition);
        if (isCompositeType(condition))
          total += costOf(condition, fragment, paginatedParent, new Set([...seen, s.name.value]));
      }
    }
    return total;
  };
  return costOf(rootType, operation, false, new Set());
}

/**
 * Refuses an operation whose estimated cost (see `operationCost`) is over
 * `maxCost`, after its variables are known and before the gateway plans or
 * calls any subgraph.
 */
export function costLimitPlugin(maxCost: number, defaultListSize: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {}, defaultListSize);
          (contextValue as { logger?: Logger }).logger?.debug({ cost, maxCost }, 'operation cost');
          if (cost > maxCost) {
            throw new GraphQLError(
              `The operation's estimated cost is ${cost}; at most ${maxCost} is allowed. Ask for smaller pages (first) or fewer nested lists`,
              { extensions: { code: COST_LIMIT_CODE, cost, maxCost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
