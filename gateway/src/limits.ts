import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInputType,
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
    // Counted once per fragment and multiplied where spread (see depthLimit): linear in the document, not 2^n.
    const known = new Map<string, number>();
    const aliasesIn = (node: Selections, path: Set<string>): number => {
      let count = 0;
      for (const s of node.selectionSet?.selections ?? []) {
        if (s.kind === Kind.FIELD) count += (s.alias ? 1 : 0) + aliasesIn(s, path);
        else if (s.kind === Kind.INLINE_FRAGMENT) count += aliasesIn(s, path);
        else if (!path.has(s.name.value)) {
          const name = s.name.value;
          const fragment = fragments.get(name);
          if (!fragment) continue;
          if (!known.has(name)) {
            path.add(name);
            known.set(name, aliasesIn(fragment, path));
            path.delete(name);
          }
          count += known.get(name)!;
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
  // A variable the request leaves out takes its default from the operation (`$n: Int = 200`): counted as such.
  const given = variables;
  const effective: Record<string, unknown> = { ...given };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    if (definition.defaultValue && type && isInputType(type) && given[name] === undefined)
      effective[name] = valueFromAST(definition.defaultValue, type);
  }
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
      const value = node ? valueFromAST(node.value, argument.type, effective) : argument.defaultValue;
      if (typeof value === 'number' && Number.isFinite(value)) return { size: Math.max(0, value), paginated: true };
      return { size: defaultListSize, paginated: true };
    }
    const list = isListType(getNullableType(definition.type));
    return { size: list && !paginatedParent ? defaultListSize : 1, paginated: false };
  };

  // A spread fragment's cost depends only on the fragment and on whether it sits directly in a paginated field:
  // computed once per pair (see depthLimit), so nested spreads cost the document's size, not 2^n.
  const known = new Map<string, number>();
  const costOf = (
    parent: GraphQLCompositeType,
    node: Selections,
    paginatedParent: boolean,
    path: Set<string>,
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
        total += 1 + size * costOf(type, s, paginated, path);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const condition = s.typeCondition ? typeFromAST(schema, s.typeCondition) : parent;
        total += isCompositeType(condition) ? costOf(condition, s, paginatedParent, path) : 0;
      } else if (!path.has(s.name.value)) {
        const name = s.name.value;
        const fragment = fragments.get(name);
        if (!fragment) continue;
        const condition = typeFromAST(schema, fragment.typeCondition);
        if (!isCompositeType(condition)) continue;
        const key = `${name}|${paginatedParent}`;
        if (!known.has(key)) {
          path.add(name);
          known.set(key, costOf(condition, fragment, paginatedParent, path));
          path.delete(name);
        }
        total += known.get(key)!;
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
