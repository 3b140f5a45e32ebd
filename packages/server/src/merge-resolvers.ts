type ResolverMap = Record<string, unknown>;

/**
 * Merges the resolver maps of a service's domain folders into one, type by
 * type. Two folders resolving the same field is a mistake and fails at startup.
 */
export function mergeResolvers(...maps: Array<Record<string, ResolverMap | unknown>>): Record<string, ResolverMap> {
  const merged: Record<string, ResolverMap> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      if (typeof fields !== 'object' || fields === null || fields.constructor?.name === 'GraphQLScalarType') {
        if (merged[type] && merged[type] !== fields) throw new Error(`Scalar ${type} is resolved twice`);
        merged[type] = fields as ResolverMap;
        continue;
      }
      const target = (merged[type] ??= {});
      for (const [field, resolver] of Object.entries(fields as ResolverMap)) {
        if (field in target) throw new Error(`${type}.${field} is resolved in two places`);
        target[field] = resolver;
      }
    }
  }
  return merged;
}
