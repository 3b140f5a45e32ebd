import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';

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
 * from reviewed migrations: `synchronize` is always off.
 */
export function createDataSource(db: ServiceDatabase): DataSource {
  return new DataSource({
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
}

/** Connects and applies pending migrations; returns the initialised DataSource. */
export async function openDatabase(db: ServiceDatabase, options: { migrate?: boolean } = {}): Promise<DataSource> {
  const dataSource = createDataSource(db);
  await dataSource.initialize();
  if (options.migrate !== false) await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/** Splits a postgres URL into the server part and the database name. */
export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error(`The database URL names no database: ${redact(url)}`);
  return name;
}

/** The same server with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** Removes a password from a URL before it is logged. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparseable url>';
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Creates the service's database when it does not exist yet (development, tests
 * and first start in docker-compose). Needs CREATEDB on the server.
 */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseNameOf(url);
  if (!IDENTIFIER.test(name)) throw new Error(`Refusing to create a database with the name ${JSON.stringify(name)}`);
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } catch (error) {
      // Another process created it at the same moment.
      if ((error as { code?: string }).code !== '42P04') throw error;
      return false;
    }
    return true;
  } finally {
    await admin.end();
  }
}

export { DataSource };
export * from './loaders';
export * from './pagination';
