import {
  buildASTSchema,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  parse,
  type ConstDirectiveNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Operations built from a schema, for probes that must cover every entity
 * type and every root field without anyone listing them: a selection of every
 * field a type has (to a depth), with required arguments filled by `fill`.
 */

/** Values for arguments and input fields, by name and type; `undefined`: cannot fill (the field is left out). */
export type Fill = (name: string, type: GraphQLNamedType, context: string) => unknown;

export interface BuiltOperation {
  text: string;
  variables: Record<string, unknown>;
  /** Fields left out because a required argument could not be filled. */
  skipped: string[];
}

class Variables {
  readonly values: Record<string, unknown> = {};
  readonly declarations: string[] = [];
  readonly skipped: string[] = [];

  constructor(private readonly fill: Fill) {}

  /** `(a: $v1, b: $v2)` for the field's arguments: required ones filled, optional ones left to their default (pages small). */
  args(args: readonly GraphQLArgument[], context: string): string | undefined {
    const parts: string[] = [];
    const declared: Array<[string, string, unknown]> = [];
    for (const arg of args) {
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      const paging = ['first', 'last', 'limit'].includes(arg.name);
      if (!required && !paging) continue;
      const value = paging ? 2 : this.value(arg.name, arg.type, context);
      if (value === undefined) {
        if (required) return undefined;
        continue;
      }
      const name = `v${this.declarations.length + declared.length + 1}`;
      declared.push([name, String(arg.type), value]);
      parts.push(`${arg.name}: $${name}`);
    }
    // Declared only when every required argument could be filled (an unused variable fails validation).
    for (const [name, type, value] of declared) {
      this.declarations.push(`$${name}: ${type}`);
      this.values[name] = value;
    }
    return parts.length > 0 ? `(${parts.join(', ')})` : '';
  }

  value(name: string, type: GraphQLInputType, context: string, depth = 0): unknown {
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const item = this.value(name, nullable.ofType, context, depth);
      return item === undefined ? undefined : [item];
    }
    if (isInputObjectType(nullable)) {
      if (depth > 3) return undefined;
      const out: Record<string, unknown> = {};
      for (const field of Object.values(nullable.getFields())) {
        if (!isNonNullType(field.type) || field.defaultValue !== undefined) continue;
        const v = this.value(field.name, field.type, `${nullable.name}`, depth + 1);
        if (v === undefined) return undefined;
        out[field.name] = v;
      }
      return out;
    }
    return this.fill(name, nullable as GraphQLNamedType, context);
  }
}

/** The selection of every field of `type` (leaves; objects to `depth` levels), arguments filled. */
function selection(
  type: GraphQLNamedType,
  depth: number,
  vars: Variables,
  path: string,
  only?: Set<string>,
  served: (type: GraphQLNamedType, field: GraphQLField<unknown, unknown>) => boolean = () => true,
): string {
  if (isLeafType(type)) return '';
  const parts = ['__typename'];
  if (isUnionType(type) || isInterfaceType(type)) return parts.join(' ');
  if (!isObjectType(type)) return parts.join(' ');
  for (const field of Object.values(type.getFields())) {
    if (only && !only.has(field.name)) continue;
    if (!served(type, field)) continue;
    const named = getNamedType(field.type);
    if (!isLeafType(named) && depth === 0) continue;
    const args = vars.args(field.args, `${type.name}.${field.name}`);
    if (args === undefined) {
      vars.skipped.push(`${path}.${field.name}`);
      continue;
    }
    if (isLeafType(named)) parts.push(`${field.name}${args}`);
    else
      parts.push(
        `${field.name}${args} { ${selection(named, depth - 1, vars, `${path}.${field.name}`, undefined, served)} }`,
      );
  }
  return parts.join(' ');
}

/** `query { field(args) { every field to depth } }` (or a mutation) for one root field. */
export function rootFieldOperation(
  schema: GraphQLSchema,
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  depth: number,
  fill: Fill,
  /** Only this one field of the returned type (so an error in another cannot null the answer). */
  only?: string,
): BuiltOperation | undefined {
  const vars = new Variables(fill);
  const args = vars.args(field.args, `${kind === 'query' ? 'Query' : 'Mutation'}.${field.name}`);
  if (args === undefined) return undefined;
  const named = getNamedType(field.type);
  const body = isLeafType(named)
    ? `${field.name}${args}`
    : `${field.name}${args} { ${selection(named, depth, vars, field.name, only ? new Set([only]) : undefined)} }`;
  const decl = vars.declarations.length > 0 ? `(${vars.declarations.join(', ')})` : '';
  return { text: `${kind} Probe${decl} { ${body} }`, variables: vars.values, skipped: vars.skipped };
}

/** An entity type as one subgraph serves it: its key and the fields that subgraph resolves itself. */
export interface EntityInSubgraph {
  type: string;
  graph: string;
  key: string[];
  fields: string[];
}

const arg = (d: ConstDirectiveNode, name: string) => {
  const a = d.arguments?.find((x) => x.name.value === name);
  if (!a) return undefined;
  return a.value.kind === 'StringValue' || a.value.kind === 'EnumValue' || a.value.kind === 'BooleanValue'
    ? a.value.value
    : undefined;
};

const joins = (node: { directives?: readonly ConstDirectiveNode[] } | null | undefined, name: string) =>
  (node?.directives ?? []).filter((d) => d.name.value === name);

/** Whether subgraph `graph` resolves `field` of `type` itself (the supergraph's join directives; no directive: every graph of the type). */
export function servedBy(graph: string) {
  return (type: GraphQLNamedType, field: GraphQLField<unknown, unknown>): boolean => {
    const typeGraphs = joins(type.astNode, 'join__type');
    if (typeGraphs.length > 0 && !typeGraphs.some((d) => arg(d, 'graph') === graph)) return false;
    const fieldGraphs = joins(field.astNode, 'join__field');
    if (
      fieldGraphs.length > 0 &&
      !fieldGraphs.some(
        (j) => arg(j, 'graph') === graph && !arg(j, 'external') && !arg(j, 'requires') && !arg(j, 'usedOverridden'),
      )
    )
      return false;
    // Every type the field (and its required arguments) names must exist in the subgraph.
    const named = [
      getNamedType(field.type),
      ...field.args.filter((a) => isNonNullType(a.type)).map((a) => getNamedType(a.type)),
    ];
    return named.every((t) => {
      const g = joins(t.astNode, 'join__type');
      const e = joins(t.astNode, 'join__enum');
      return (g.length === 0 && e.length === 0) || [...g, ...e].some((d) => arg(d, 'graph') === graph);
    });
  };
}

/** The composed supergraph: every `@key` entity type of every subgraph, and the fields each resolves (not `@external`, not `@requires`). */
export function entitiesOfSupergraph(supergraphSdl: string): { schema: GraphQLSchema; entities: EntityInSubgraph[] } {
  const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  const entities: EntityInSubgraph[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !type.astNode) continue;
    const typeGraphs = (type.astNode.directives ?? []).filter((d) => d.name.value === 'join__type');
    for (const d of typeGraphs) {
      const key = arg(d, 'key') as string | undefined;
      if (!key || arg(d, 'resolvable') === false || String(arg(d, 'resolvable')) === 'false') continue;
      const graph = String(arg(d, 'graph'));
      const fields = Object.values(type.getFields())
        .filter((f) => {
          const joins = (f.astNode?.directives ?? []).filter((x) => x.name.value === 'join__field');
          if (joins.length === 0) return true;
          return joins.some(
            (j) => arg(j, 'graph') === graph && !arg(j, 'external') && !arg(j, 'requires') && !arg(j, 'usedOverridden'),
          );
        })
        .map((f) => f.name);
      if (key.includes('{')) throw new Error(`Nested key of ${type.name} in ${graph}: the probe does not build it`);
      entities.push({ type: type.name, graph, key: key.split(/\s+/).filter(Boolean), fields });
    }
  }
  return { schema, entities };
}

/** `_entities` for one entity type in one subgraph, selecting every field it resolves (objects to `{ __typename }`). */
export function entitiesOperation(schema: GraphQLSchema, entity: EntityInSubgraph, fill: Fill): BuiltOperation {
  const vars = new Variables(fill);
  const type = schema.getType(entity.type)!;
  // The entity's fields in this subgraph, and their fields two levels down (a connection's edges and nodes).
  const sel = selection(type, 2, vars, entity.type, new Set(entity.fields), servedBy(entity.graph));
  const decl = [`$representations: [_Any!]!`, ...vars.declarations].join(', ');
  return {
    text: `query Probe(${decl}) { _entities(representations: $representations) { __typename ... on ${entity.type} { ${sel} } } }`,
    variables: vars.values,
    skipped: vars.skipped,
  };
}
