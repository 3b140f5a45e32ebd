import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stand-in answers for each person asked about (default: on the team, sharing allowed). */
export type StandInAccess = (
  personId: string,
) => { onTeam: boolean; sharingAllowed: boolean; isProjectLeadOfFamily?: boolean } | null;

export interface FamilyStandIn {
  /** Its /graphql endpoint: give it to a subgraph as FAMILY_SUBGRAPH_URL. */
  url: string;
  /** How many questions it was asked (one per batch). */
  calls: () => number;
  close(): Promise<void>;
}

/**
 * A stand-in for the family subgraph's answer to `Person.accessForCaller`
 * (what `@helhed/family-directory` asks), for subgraph-level tests that seed
 * rows straight into their own tables and so have no family to ask. The team
 * and consent rules themselves are tested through the gateway with the real
 * family subgraph; this only says "on the team" (or what `access` says).
 */
export async function startFamilyStandIn(
  access: StandInAccess = () => ({ onTeam: true, sharingAllowed: true }),
): Promise<FamilyStandIn> {
  let calls = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      calls += 1;
      const { variables } = JSON.parse(body || '{}') as { variables?: { r?: Array<{ id: string }> } };
      const entities = (variables?.r ?? []).map(({ id }) => {
        const answer = access(id);
        return (
          answer && {
            id,
            family: { id },
            directoryEntry: { familyId: id },
            accessForCaller: { on: '2026-01-01', familyId: id, isProjectLeadOfFamily: false, ...answer },
          }
        );
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { _entities: entities } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    calls: () => calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
