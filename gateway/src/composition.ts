import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS, defaultUrlOf, schemaPathOf } from './subgraphs';

export type CompositionResult = { ok: true; supergraphSdl: string } | { ok: false; errors: string[] };

/** Composes the four subgraphs' `schema.graphql` files into the supergraph the gateway serves. */
export function composeSupergraph(): CompositionResult {
  const result = composeServices(
    SUBGRAPHS.map((s) => ({
      name: s.name,
      url: defaultUrlOf(s.port),
      typeDefs: parse(readFileSync(schemaPathOf(s.name), 'utf8')),
    })),
  );
  if (result.errors) return { ok: false, errors: result.errors.map((e) => e.message) };
  return { ok: true, supergraphSdl: result.supergraphSdl };
}
