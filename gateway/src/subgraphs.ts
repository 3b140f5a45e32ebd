import { join } from 'node:path';

/** The subgraphs of the Helhed supergraph, with the port each listens on by default. */
export const SUBGRAPHS = [
  { name: 'family', port: 4001 },
  { name: 'employment', port: 4002 },
  { name: 'health', port: 4003 },
  { name: 'economy', port: 4004 },
  // Served by the reminders service (services/reminders): reminder preferences, "my reminders", failed digests.
  { name: 'notifications', port: 4005 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const REPO_ROOT = join(__dirname, '..', '..');
export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');
/** The published schema: what clients see, checked for breaking changes. */
export const API_SCHEMA_PATH = join(__dirname, '..', 'api-schema.graphql');
/** Breaking changes made on purpose, each with its reason. */
export const SCHEMA_CHANGES_PATH = join(__dirname, '..', 'SCHEMA-CHANGES.md');

export const serviceDirOf = (name: SubgraphName) =>
  join(REPO_ROOT, 'services', name === 'notifications' ? 'reminders' : name);
export const defaultUrlOf = (port: number) => `http://localhost:${port}/graphql`;
