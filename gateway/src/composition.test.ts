import { readFileSync } from 'node:fs';
import { breakingChanges, composeSupergraph } from './composition';
import { API_SCHEMA_PATH, SUBGRAPHS, SUPERGRAPH_PATH } from './subgraphs';

describe('supergraph composition', () => {
  const result = composeSupergraph();

  it('composes the four subgraphs without errors', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('matches the committed gateway/supergraph.graphql (run `npm run compose` when this fails)', () => {
    expect(result.ok && result.supergraphSdl).toBe(readFileSync(SUPERGRAPH_PATH, 'utf8'));
  });

  it('matches the committed published schema gateway/api-schema.graphql, without federation machinery', () => {
    const api = result.ok ? result.apiSchemaSdl : '';
    expect(api).toBe(readFileSync(API_SCHEMA_PATH, 'utf8'));
    expect(api).not.toMatch(/join__|link__|_entities|_Any/);
    expect(api).toContain('type Family');
  });

  it('points each subgraph at its own port', () => {
    const sdl = result.ok ? result.supergraphSdl : '';
    for (const s of SUBGRAPHS) expect(sdl).toContain(`url: "http://localhost:${s.port}/graphql"`);
  });
});

describe('breakingChanges', () => {
  const published = 'type Query { families(status: String): [String!]! person(id: ID!): String }';

  it('finds removed fields and changed types, and lets additions through', () => {
    expect(breakingChanges(published, 'type Query { families(status: String): [String!]! }')).toContain(
      'FIELD_REMOVED: Query.person was removed.',
    );
    expect(
      breakingChanges(published, 'type Query { families(status: String): Int person(id: ID!): String }'),
    ).toHaveLength(1);
    expect(
      breakingChanges(
        published,
        'type Query { families(status: String, first: Int): [String!]! person(id: ID!): String x: Int }',
      ),
    ).toEqual([]);
  });
});
