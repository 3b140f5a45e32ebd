import { GraphQLError, Kind, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * Refuses operations nested deeper than `max` fields (fragments followed), so
 * one request cannot make the gateway fan out without bound.
 */
export function depthLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d] as const),
    );
    const depthOf = (node: { selectionSet?: { selections: readonly unknown[] } }, seen: Set<string>): number => {
      let deepest = 0;
      for (const s of (node.selectionSet?.selections ?? []) as Array<Record<string, any>>) {
        if (s.kind === Kind.FIELD) deepest = Math.max(deepest, s.selectionSet ? 1 + depthOf(s, seen) : 1);
        else if (s.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(s, seen));
        else if (s.kind === Kind.FRAGMENT_SPREAD && !seen.has(s.name.value)) {
          const fragment = fragments.get(s.name.value);
          if (fragment) deepest = Math.max(deepest, depthOf(fragment, new Set([...seen, s.name.value])));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation, new Set());
        if (depth > max) {
          context.reportError(
            new GraphQLError(`The operation is nested ${depth} levels deep; at most ${max} are allowed`, {
              nodes: [operation],
            }),
          );
        }
      },
    };
  };
}
