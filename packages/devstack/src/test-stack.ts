import type { Identity } from '@helhed/identity';
import { TEST_SECRETS, postGraphQL, type TestDatabase } from '@helhed/testing';
import { GraphClient } from './graph-client';
import { startStack, type Stack, type SubgraphService } from './stack';
import { createServiceTestDatabase } from './test-databases';

export const TEST_TOKEN_SETTINGS = { issuer: 'helhed-test', audience: 'helhed', secret: TEST_SECRETS.jwt };

export interface TestStack extends Stack {
  databases: Record<SubgraphService, TestDatabase>;
  /** The reminders service's database (its `notifications` subgraph runs in the stack). */
  remindersDatabase: TestDatabase;
  graph: GraphClient;
  /** Posts an operation as `who` and returns the whole response (status, data, errors). */
  post(who: Identity | null, query: string, variables?: Record<string, unknown>): ReturnType<typeof postGraphQL>;
}

/** The whole graph in-process on fresh databases (copies of migrated templates), with test secrets, for integration tests. */
export async function startTestStack(
  options: {
    /** Receives every process's log lines (JSON), at `logLevel` (default: no log at all). */
    logDestination?: { write(line: string): void };
    logLevel?: string;
  } = {},
): Promise<TestStack> {
  const names: SubgraphService[] = ['family', 'employment', 'health', 'economy'];
  const dbs = await Promise.all(names.map((n) => createServiceTestDatabase(n)));
  const databases = Object.fromEntries(names.map((n, i) => [n, dbs[i]!])) as Record<SubgraphService, TestDatabase>;
  const reminders = await createServiceTestDatabase('reminders');
  const stack = await startStack({
    databaseUrls: Object.fromEntries(names.map((n) => [n, databases[n].url])) as Record<SubgraphService, string>,
    notificationsDatabaseUrl: reminders.url,
    env: {
      LOG_LEVEL: options.logLevel ?? 'silent',
      IDENTITY_SIGNING_SECRET: TEST_SECRETS.identity,
      JWT_SECRET: TEST_SECRETS.jwt,
      JWT_ISSUER: TEST_TOKEN_SETTINGS.issuer,
      JWT_AUDIENCE: TEST_TOKEN_SETTINGS.audience,
      CPR_ENCRYPTION_KEY: TEST_SECRETS.cprEncryptionKey,
      CPR_HASH_KEY: TEST_SECRETS.cprHashKey,
    },
    ...(options.logDestination ? { logDestination: options.logDestination } : {}),
  });
  const graph = new GraphClient(stack.gatewayUrl, TEST_TOKEN_SETTINGS);
  return {
    ...stack,
    databases,
    remindersDatabase: reminders,
    graph,
    post: async (who, query, variables = {}) =>
      postGraphQL(stack.gatewayUrl, query, variables, who ? { authorization: `Bearer ${await graph.token(who)}` } : {}),
    close: async () => {
      await stack.close();
      await Promise.all([...dbs, reminders].map((d) => d.drop()));
    },
  };
}
