import 'reflect-metadata';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import { scopeQueryRunners } from './tenancy';

export interface ServiceDatabase {
  /** postgres:// URL of the service's own database. */
  url: string;
  /** Entity classes, listed explicitly (no globs). */
  entities: MixedList<Function | string | EntitySchema>;
  /** Migration classes, listed explicitly, in order. */
  migrations: MixedList<Function | string>;
  /** Pool size per process. */
  poolSize?: number;
  /** Log every SQL statement (used by tests that count statements). */
  logger?: DataSourceOptions['logger'];
}

/**
 * A TypeORM DataSource for one service's own database. Schema changes come only
 * from reviewed migrations: `synchronize` is always off. Every statement runs
 * with the tenancy scope of the request it belongs to (`scopeQueryRunners`).
 */
export function createDataSource(db: ServiceDatabase): DataSource {
  const dataSource = new DataSource({
    type: 'postgres',
    url: db.url,
    entities: db.entities,
    migrations: db.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    ...(db.logger ? { logger: db.logger } : {}),
    extra: { max: db.poolSize ?? 10, application_name: 'helhed' },
  });
  // Every statement carries the request's municipality (see tenancy.ts).
  scopeQueryRunners(dataSource);
  return dataSource;
}

/** Connects and applies pending migrations; returns the initialised DataSource. */
export async function openDatabase(db: ServiceDatabase, options: { migrate?: boolean } = {}): Promise<DataSource> {
  const dataSource = createDataSource(db);
  await dataSource.initialize();
  if (options.migrate !== false) await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

export { DataSource };
export * from './urls';
export * from './tenancy';
export * from './roles';
export * from './loaders';
export * from './pagination';
