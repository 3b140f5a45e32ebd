import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { readSchema } from '@helhed/server';
import { SUBGRAPHS, defaultUrlOf, serviceDirOf } from './subgraphs';

export type CompositionResult = { ok: true; supergraphSdl: string } | { ok: false; errors: string[] };

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
  return { ok: true, supergraphSdl: result.supergraphSdl };
}
