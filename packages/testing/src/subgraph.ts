import type { Logger as SqlLogger } from 'typeorm';
import { TEST_SECRETS } from './identities';

/** Records every SQL statement a service sends, so a test can show a request's count does not grow with its answer. */
export function sqlStatementLog(): { logger: SqlLogger; statements: string[] } {
  const statements: string[] = [];
  const ignore = () => undefined;
  return {
    statements,
    logger: {
      logQuery: (query) => {
        statements.push(query);
      },
      logQueryError: ignore,
      logQuerySlow: ignore,
      logSchemaBuild: ignore,
      logMigration: ignore,
      log: ignore,
    },
  };
}

/** The settings of a subgraph under test: its own database, a free port, no logs, the test signing secret. */
export function testSubgraphConfig(databaseUrl: string) {
  return {
    NODE_ENV: 'test' as const,
    LOG_LEVEL: 'silent' as const,
    PORT: 0,
    DATABASE_URL: databaseUrl,
    IDENTITY_SIGNING_SECRET: TEST_SECRETS.identity,
  };
}
