import { readFileSync } from 'node:fs';
import { composeSupergraph } from './composition';
import { SUBGRAPHS, SUPERGRAPH_PATH } from './subgraphs';

describe('supergraph composition', () => {
  const result = composeSupergraph();

  it('composes the four subgraphs without errors', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('matches the committed gateway/supergraph.graphql (run `npm run compose` when this fails)', () => {
    expect(result.ok && result.supergraphSdl).toBe(readFileSync(SUPERGRAPH_PATH, 'utf8'));
  });

  it('points each subgraph at its own port', () => {
    const sdl = result.ok ? result.supergraphSdl : '';
    for (const s of SUBGRAPHS) expect(sdl).toContain(`url: "http://localhost:${s.port}/graphql"`);
  });
});
