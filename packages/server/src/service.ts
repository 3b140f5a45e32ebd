import type { DataSource, DataSourceOptions } from 'typeorm';
import { grantApplicationRole, openDatabase, prepareDatabaseAccounts, type ServiceDatabase } from '@helhed/db';
import { createLogger, type Logger } from './logger';
import { createSubgraph, readSchema, type BaseContext, type RunningSubgraph } from './subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';

/** The settings every subgraph service reads (see `subgraphSettings` in @helhed/config). */
export interface SubgraphServiceConfig {
  NODE_ENV: string;
  LOG_LEVEL: string;
  PORT: number;
  /** The application role's connection (or, without MIGRATION_DATABASE_URL, an administrator's: see @helhed/db roles). */
  DATABASE_URL: string;
  /** The owner role's connection, for migrations; required in production. */
  MIGRATION_DATABASE_URL?: string | undefined;
  IDENTITY_SIGNING_SECRET: string;
}

export interface SubgraphServiceOptions {
  logger?: Logger;
  /** A TypeORM logger for every SQL statement (tests count statements with it). */
  sqlLogger?: DataSourceOptions['logger'];
}

export interface SubgraphServiceDefinition<TContext extends BaseContext, TStores> {
  name: string;
  /** The folder holding the service's `schema.graphql`. */
  serviceDir: string;
  entities: ServiceDatabase['entities'];
  migrations: ServiceDatabase['migrations'];
  resolvers: GraphQLResolverMap<TContext> | Record<string, unknown>;
  /** The service's long-lived stores, made once per process. */
  stores: (db: DataSource) => TStores;
  /** The per-request context: the base plus the service's stores and DataLoaders. */
  context: (base: BaseContext, stores: TStores) => TContext;
  /** Tables the application role may only read and append to (default: the audit log and its retention cuts). */
  appendOnlyTables?: readonly string[];
  /** Runs after each operation, before the answer is sent (see `createSubgraph`). */
  afterRequest?: (context: TContext, db: DataSource) => Promise<void>;
}

export interface RunningSubgraphService extends RunningSubgraph {
  logger: Logger;
}

/**
 * Starts one subgraph service: creates its own database if needed, applies its
 * migrations as the owner role, then serves it over HTTP as the application role. `close()` stops taking requests, then
 * closes the database pool.
 */
export async function startSubgraphService<TContext extends BaseContext, TStores>(
  definition: SubgraphServiceDefinition<TContext, TStores>,
  config: SubgraphServiceConfig,
  options: SubgraphServiceOptions = {},
): Promise<RunningSubgraphService> {
  const logger =
    options.logger ??
    createLogger(definition.name, { level: config.LOG_LEVEL, production: config.NODE_ENV === 'production' });
  // Migrations as the owner role; requests as the application role, which row-level
  // security binds (see README, "Tenancy wall"). The service never serves as the owner.
  const accounts = await prepareDatabaseAccounts(config);
  const owner = await openDatabase(
    { url: accounts.ownerUrl, entities: definition.entities, migrations: definition.migrations, poolSize: 1 },
    { migrate: true },
  );
  await owner.destroy();
  await grantApplicationRole(accounts.ownerUrl, accounts.appUrl, {
    appendOnly: definition.appendOnlyTables ?? ['audit_event', 'audit_cut'],
  });
  const db = await openDatabase(
    {
      url: accounts.appUrl,
      entities: definition.entities,
      migrations: definition.migrations,
      logger: options.sqlLogger,
    },
    { migrate: false },
  );
  const stores = definition.stores(db);
  const subgraph = createSubgraph<TContext>({
    name: definition.name,
    typeDefs: readSchema(definition.serviceDir),
    resolvers: definition.resolvers as GraphQLResolverMap<TContext>,
    identitySecret: config.IDENTITY_SIGNING_SECRET,
    logger,
    ready: async () => {
      await db.query('SELECT 1');
    },
    context: (base) => definition.context(base, stores),
    ...(definition.afterRequest ? { afterRequest: (ctx: TContext) => definition.afterRequest!(ctx, db) } : {}),
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
