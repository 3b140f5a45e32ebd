import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The server tests create their databases on (a real PostgreSQL, never a mock). */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function urlFor(database: string): string {
  const u = new URL(TEST_SERVER_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh, empty database for one test file (or one service within it), dropped afterwards. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `helhed_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: urlFor(name),
    async drop() {
      const c = new Client({ connectionString: TEST_SERVER_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Runs one query against a database (assertions on what was or was not written). */
export async function queryDatabase<T extends Record<string, unknown> = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** The application role the services serve as in tests (derived by @helhed/db from the test server's administrator). */
export const TEST_APP_ROLE = 'helhed_app';

/** The same database as the application role (row-level security binds it; the `postgres` of `url` bypasses it). */
export function asApplicationRole(url: string): string {
  const u = new URL(url);
  u.username = TEST_APP_ROLE;
  return u.toString();
}

export interface TenantTable {
  table: string;
  owner: string;
  rowSecurity: boolean;
  forced: boolean;
}

/**
 * Every table of a database that has a `municipality_code` column, with its
 * owner and row-level security flags — found from the catalogue, so a new
 * tenant table is listed without anyone naming it.
 */
export function tenantTables(url: string): Promise<TenantTable[]> {
  return queryDatabase<TenantTable & Record<string, unknown>>(
    url,
    `SELECT c.relname AS "table", pg_get_userbyid(c.relowner) AS owner,
            c.relrowsecurity AS "rowSecurity", c.relforcerowsecurity AS forced
       FROM information_schema.columns col
       JOIN pg_class c ON c.relname = col.table_name AND c.relnamespace = 'public'::regnamespace
      WHERE col.table_schema = 'public' AND col.column_name = 'municipality_code' AND c.relkind IN ('r', 'p')
      ORDER BY 1`,
  );
}

/**
 * Runs statements in one transaction as the given connection, with the tenancy
 * setting as the services set it (`municipality` null: not set at all).
 */
export async function queryAsTenant<T extends Record<string, unknown> = Record<string, unknown>>(
  url: string,
  municipality: string | null,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('BEGIN');
    if (municipality !== null) await c.query(`SELECT set_config('helhed.municipality', $1, true)`, [municipality]);
    const { rows } = await c.query(sql, params);
    await c.query('COMMIT');
    return rows as T[];
  } finally {
    await c.end();
  }
}
