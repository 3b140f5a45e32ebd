import type { Identity } from '@helhed/identity';
import type { GraphClient } from './graph-client';

/**
 * Registers a caseworker of the administrator's municipality through the graph
 * and answers the identity they call with (their user id is the caseworker's
 * id, so team assignments and audit names find them). The tests' matrices use
 * it for each caller situation.
 */
export async function registerCaller(
  graph: GraphClient,
  admin: Identity,
  name: string,
  department: Identity['department'],
  roles: Identity['roles'] = ['CASEWORKER'],
): Promise<Identity> {
  const { registerCaseworker } = await graph.request<{ registerCaseworker: { id: string } }>(
    admin,
    `mutation($input: RegisterCaseworkerInput!) { registerCaseworker(input: $input) { id } }`,
    { input: { name, email: `${name.toLowerCase()}@example.dk`, department } },
  );
  return {
    userId: registerCaseworker.id,
    municipality: admin.municipality,
    department,
    roles: [...roles],
  };
}
