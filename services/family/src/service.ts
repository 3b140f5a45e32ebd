import { join } from 'node:path';
import { ensureDatabase, openDatabase } from '@helhed/db';
import { createLogger, createSubgraph, readSchema, type Logger, type RunningSubgraph } from '@helhed/server';
import type { FamilyConfig } from './config';
import { createLoaders, createStores, type FamilyContext } from './context';
import { CprVault } from './cpr/cpr-vault';
import { entities, migrations } from './db/schema';
import { resolvers } from './resolvers';
import { todayInDenmark } from './clock';

export const FAMILY_SERVICE_DIR = join(__dirname, '..');

export interface RunningFamilyService extends RunningSubgraph {
  logger: Logger;
}

/** Starts the family subgraph: its own database (migrated), then the HTTP server. */
export async function startFamilyService(
  config: FamilyConfig,
  options: { logger?: Logger } = {},
): Promise<RunningFamilyService> {
  const logger =
    options.logger ?? createLogger('family', { level: config.LOG_LEVEL, production: config.NODE_ENV === 'production' });
  await ensureDatabase(config.DATABASE_URL);
  const db = await openDatabase({ url: config.DATABASE_URL, entities, migrations });
  const stores = createStores(db, new CprVault(config.CPR_ENCRYPTION_KEY, config.CPR_HASH_KEY));
  const subgraph = createSubgraph<FamilyContext>({
    name: 'family',
    typeDefs: readSchema(FAMILY_SERVICE_DIR),
    resolvers: resolvers as never,
    identitySecret: config.IDENTITY_SIGNING_SECRET,
    logger,
    ready: async () => {
      await db.query('SELECT 1');
    },
    context: (base) => ({ ...base, stores, loaders: createLoaders(stores), today: todayInDenmark() }),
  });
  const running = await subgraph.start(config.PORT);
  return {
    ...running,
    logger,
    close: async () => {
      await running.close();
      await db.destroy();
    },
  };
}
