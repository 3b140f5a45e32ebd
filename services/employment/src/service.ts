import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ensureDatabase, openDatabase } from '@helhed/db';
import { createLogger, createSubgraph, readSchema, type Logger, type RunningSubgraph } from '@helhed/server';
import type { EmploymentConfig } from './config';
import { createLoaders, createStores, type EmploymentContext } from './context';
import { entities, migrations } from './db/schema';
import { resolvers } from './resolvers';

export const EMPLOYMENT_SERVICE_DIR = join(__dirname, '..');

export interface RunningEmploymentService extends RunningSubgraph {
  logger: Logger;
}

export interface EmploymentServiceOptions {
  logger?: Logger;
  /** A TypeORM logger for every SQL statement (tests count statements with it). */
  sqlLogger?: DataSourceOptions['logger'];
}

/** Starts the employment subgraph: its own database (migrated), then the HTTP server. */
export async function startEmploymentService(
  config: EmploymentConfig,
  options: EmploymentServiceOptions = {},
): Promise<RunningEmploymentService> {
  const logger =
    options.logger ??
    createLogger('employment', { level: config.LOG_LEVEL, production: config.NODE_ENV === 'production' });
  await ensureDatabase(config.DATABASE_URL);
  const db = await openDatabase({ url: config.DATABASE_URL, entities, migrations, logger: options.sqlLogger });
  const stores = createStores(db);
  const subgraph = createSubgraph<EmploymentContext>({
    name: 'employment',
    typeDefs: readSchema(EMPLOYMENT_SERVICE_DIR),
    resolvers: resolvers as never,
    identitySecret: config.IDENTITY_SIGNING_SECRET,
    logger,
    ready: async () => {
      await db.query('SELECT 1');
    },
    context: (base) => ({ ...base, stores, loaders: createLoaders(stores, base.identity.municipality) }),
  });
  let running: RunningSubgraph;
  try {
    running = await subgraph.start(config.PORT);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    ...running,
    logger,
    close: async () => {
      await running.close();
      await db.destroy();
    },
  };
}
