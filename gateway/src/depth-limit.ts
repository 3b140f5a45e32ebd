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
    // A fragment's depth does not depend on where it is spread: computed once per fragment, so a document that
    // spreads fragments into each other (F0 → F1 twice → F2 twice …) costs its size, not 2^n. A fragment on
    // its own path counts 0 (a cycle, which validation refuses anyway).
    const known = new Map<string, number>();
    const depthOf = (node: { selectionSet?: { selections: readonly unknown[] } }, path: Set<string>): number => {
      let deepest = 0;
      for (const s of (node.selectionSet?.selections ?? []) as Array<Record<string, any>>) {
        if (s.kind === Kind.FIELD) deepest = Math.max(deepest, s.selectionSet ? 1 + depthOf(s, path) : 1);
        else if (s.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(s, path));
        else if (s.kind === Kind.FRAGMENT_SPREAD && !path.has(s.name.value)) {
          const name: string = s.name.value;
          const fragment = fragments.get(name);
          if (!fragment) continue;
          if (!known.has(name)) {
            path.add(name);
            known.set(name, depthOf(fragment, path));
            path.delete(name);
          }
          deepest = Math.max(deepest, known.get(name)!);
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
