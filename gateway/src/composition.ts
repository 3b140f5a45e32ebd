import { composeServices } from '@apollo/composition';
import { buildSchema, findBreakingChanges, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { readSchema } from '@helhed/server';
import { SUBGRAPHS, defaultUrlOf, serviceDirOf } from './subgraphs';

export type CompositionResult =
  { ok: true; supergraphSdl: string; apiSchemaSdl: string } | { ok: false; errors: string[] };

/** Composes the four subgraphs' schemas (`schema.graphql` plus their domain folders' `.graphql` files) into the supergraph the gateway serves. */
export function composeSupergraph(): CompositionResult {
  const result = composeServices(
    SUBGRAPHS.map((s) => ({
      name: s.name,
      url: defaultUrlOf(s.port),
      typeDefs: parse(readSchema(serviceDirOf(s.name))),
    })),
  );
  if (result.errors) return { ok: false, errors: result.errors.map((e) => e.message) };
  // The API schema is what clients see: the supergraph without its federation machinery.
  const apiSchema = lexicographicSortSchema(result.schema.toAPISchema().toGraphQLJSSchema());
  return { ok: true, supergraphSdl: result.supergraphSdl, apiSchemaSdl: printSchema(apiSchema) };
}

/** The changes from `published` to `next` that can break an existing client (removed fields, changed types, ...). */
export function breakingChanges(published: string, next: string): string[] {
  return findBreakingChanges(buildSchema(published), buildSchema(next)).map((c) => `${c.type}: ${c.description}`);
}
