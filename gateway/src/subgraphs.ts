import { join } from 'node:path';

/** The subgraphs of the Helhed supergraph, with the port each listens on by default. */
export const SUBGRAPHS = [
  { name: 'family', port: 4001 },
  { name: 'employment', port: 4002 },
  { name: 'health', port: 4003 },
  { name: 'economy', port: 4004 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const REPO_ROOT = join(__dirname, '..', '..');
export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');

export const serviceDirOf = (name: SubgraphName) => join(REPO_ROOT, 'services', name);
export const defaultUrlOf = (port: number) => `http://localhost:${port}/graphql`;
