import { join } from 'node:path';
import { ensureDatabase, openDatabase } from '@helhed/db';
import { createLogger, createSubgraph, readSchema, type Logger, type RunningSubgraph } from '@helhed/server';
import type { EconomyConfig } from './config';
import { createLoaders, createStores, type EconomyContext } from './context';
import { entities, migrations } from './db/schema';
import { resolvers } from './resolvers';

export const ECONOMY_SERVICE_DIR = join(__dirname, '..');

/** Starts the economy subgraph: its own database (migrated), then the HTTP server. */
export async function startEconomyService(
  config: EconomyConfig,
  options: { logger?: Logger } = {},
): Promise<RunningSubgraph> {
  const logger =
    options.logger ??
    createLogger('economy', { level: config.LOG_LEVEL, production: config.NODE_ENV === 'production' });
  await ensureDatabase(config.DATABASE_URL);
  const db = await openDatabase({ url: config.DATABASE_URL, entities, migrations });
  const stores = createStores(db);
  const subgraph = createSubgraph<EconomyContext>({
    name: 'economy',
    typeDefs: readSchema(ECONOMY_SERVICE_DIR),
    resolvers: resolvers as never,
    identitySecret: config.IDENTITY_SIGNING_SECRET,
    logger,
    ready: async () => {
      await db.query('SELECT 1');
    },
    context: (base) => ({ ...base, stores, loaders: createLoaders(stores, base.identity.municipality) }),
  });
  const running = await subgraph.start(config.PORT);
  return {
    ...running,
    close: async () => {
      await running.close();
      await db.destroy();
    },
  };
}
