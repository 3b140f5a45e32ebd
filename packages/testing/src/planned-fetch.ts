import { IDENTITY_HEADER, PLANNED_FETCH_HEADER, signPlannedFetch, type Identity } from '@helhed/identity';
import { gatewayHeaders, TEST_SECRETS } from './identities';
import { postGraphQL, type GraphQLResponse } from './graphql-client';

/**
 * Headers a subgraph takes for a fetch of the gateway's query plan: the signed
 * identity and the gateway's signature over it, this query and these variables
 * (`x-helhed-planned-fetch`). Only such a fetch reads the fields subgraphs hand
 * each other (`requirePlannedFetch`); the signature holds for this very body.
 */
export async function plannedFetchHeaders(
  who: Identity,
  query: string,
  variables: Record<string, unknown> = {},
  secret = TEST_SECRETS.identity,
): Promise<Record<string, string>> {
  const headers = await gatewayHeaders(who, secret);
  return {
    ...headers,
    [PLANNED_FETCH_HEADER]: signPlannedFetch(headers[IDENTITY_HEADER]!, { query, variables }, secret),
  };
}

/** Posts `query` to a subgraph as the gateway posts a fetch of its plan, signed for `who` (see `plannedFetchHeaders`). */
export async function postPlannedFetch<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  who: Identity,
): Promise<GraphQLResponse<T>> {
  return postGraphQL<T>(url, query, variables, await plannedFetchHeaders(who, query, variables));
}
