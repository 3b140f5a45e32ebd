import { createHash, randomBytes } from 'node:crypto';
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

/**
 * A database state that many test databases start from — a service's schema,
 * migrated once — so each test database is a copy (PostgreSQL copies the
 * files: milliseconds) instead of migrating from zero.
 */
export interface DatabaseTemplate {
  /**
   * Changes whenever what `build` makes would change (e.g. a hash of the
   * migrations' sources). A template is found by its label and fingerprint: one
   * made from other migrations is never used.
   */
  fingerprint: string;
  /** Brings an empty database to the template's state; every connection it opened is closed when it returns. */
  build(url: string): Promise<void>;
}

/** Other fingerprints' templates of a label unused this long are dropped (another checkout may still use its own). */
const STALE_TEMPLATE_MS = 24 * 60 * 60 * 1000;
const TEMPLATE_COMMENT = 'helhed test template; last used ';

const safeLabel = (label: string) =>
  label
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase()
    .slice(0, 24);

/**
 * The jest run's id (set by its global setup, `beginTestRun`, and inherited by
 * its workers). A run's test databases are named after it. A DROP DATABASE
 * waits for a checkpoint of the whole server, seconds on a busy one, which
 * every test file used to wait for in its `afterAll`: within a run `drop()`
 * only marks the database done, the run's own process drops it in the
 * background, and the run's end drops whatever is left.
 */
export const TEST_RUN_ENV = 'HELHED_TEST_RUN';
const RUN_PREFIX = 'helhed_run_';
const RUN_DATABASE = /^helhed_run_([0-9a-f]{8})_/;
const DONE_COMMENT = 'helhed: test done, to be dropped';

function currentRun(): string | undefined {
  const run = process.env[TEST_RUN_ENV];
  if (run !== undefined && !/^[0-9a-f]{8}$/.test(run)) throw new Error(`${TEST_RUN_ENV} is not a run id: ${run}`);
  return run;
}

/**
 * A fresh database for one test file (or one service within it): empty, or a
 * copy of `template`. `drop()` drops it at once, or, within a jest run, leaves
 * it to the run's end (`endTestRun`).
 */
export async function createTestDatabase(
  label: string,
  options: { template?: DatabaseTemplate } = {},
): Promise<TestDatabase> {
  const run = currentRun();
  const name = `${run ? `${RUN_PREFIX}${run}_` : 'helhed_test_'}${safeLabel(label)}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  try {
    if (options.template) await copyTemplate(admin, label, options.template, name);
    else await admin.query(`CREATE DATABASE "${name}"`);
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
        // Within a run: marked done, for the run's own process to drop while the next files run.
        if (run) await c.query(`COMMENT ON DATABASE "${name}" IS '${DONE_COMMENT}'`);
        else await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** The run's lock: held by its global setup's connection while the run lives. */
const runLock = (run: string) => `${RUN_PREFIX}${run}`;

async function dropDatabases(names: string[]): Promise<void> {
  // A few at a time: concurrent drops share the checkpoints each of them waits for.
  const queue = [...names];
  const dropNext = async (): Promise<void> => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const c = new Client({ connectionString: TEST_SERVER_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, dropNext));
}

export interface TestRun {
  id: string;
  /** Drops every database the run made (done or not) and releases its lock. */
  end(): Promise<void>;
}

/**
 * Starts a jest run (its global setup): gives it an id for its workers
 * (`TEST_RUN_ENV`) and holds a lock for it until `end()`. Databases of runs
 * whose lock nobody holds — their process died before the end — are dropped
 * here; runs of other checkouts on the same server hold theirs and are left alone.
 */
export async function beginTestRun(): Promise<TestRun> {
  const id = randomBytes(4).toString('hex');
  const admin = new Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  await admin.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [runLock(id)]);
  const { rows } = await admin.query<{ name: string }>(
    'SELECT datname AS name FROM pg_database WHERE starts_with(datname, $1)',
    [RUN_PREFIX],
  );
  const byRun = new Map<string, string[]>();
  for (const { name } of rows) {
    const run = RUN_DATABASE.exec(name)?.[1];
    if (run) byRun.set(run, [...(byRun.get(run) ?? []), name]);
  }
  for (const [run, names] of byRun) {
    const { rows: free } = await admin.query<{ dead: boolean }>(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS dead',
      [runLock(run)],
    );
    if (!free[0]?.dead) continue;
    await dropDatabases(names);
    await admin.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [runLock(run)]);
  }
  const mine = async (onlyDone: boolean) =>
    (
      await admin.query<{ name: string }>(
        `SELECT datname AS name FROM pg_database
          WHERE starts_with(datname, $1) AND ($2 = false OR shobj_description(oid, 'pg_database') = $3)`,
        [`${RUN_PREFIX}${id}_`, onlyDone, DONE_COMMENT],
      )
    ).rows.map((r) => r.name);
  // Drops the databases the run's tests are done with, one at a time, while the run goes on.
  let ending = false;
  const janitor = (async () => {
    while (!ending) {
      let done: string[] = [];
      try {
        done = await mine(true);
        for (const name of done) if (!ending) await dropDatabases([name]);
      } catch {
        done = []; // The server is busy or restarting: the next round, or the run's end, drops them.
      }
      if (done.length === 0) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  })();
  return {
    id,
    end: async () => {
      ending = true;
      try {
        await janitor;
        await dropDatabases(await mine(false));
      } finally {
        await admin.end();
      }
    },
  };
}

/**
 * Creates `name` as a copy of the label's template, building the template
 * first if no database holds it yet. Everything happens under a lock per label
 * (test files in other workers and other checkouts share the server): one
 * process builds while the others wait, and a template is never dropped
 * while being copied. A template takes no connections (PostgreSQL copies only
 * a database nobody is connected to), and a build that died half-way is never
 * marked as a template, so it is dropped and built again.
 */
async function copyTemplate(admin: Client, label: string, template: DatabaseTemplate, name: string): Promise<void> {
  const prefix = `helhed_tpl_${safeLabel(label).slice(0, 24)}_`;
  const fingerprint = createHash('sha256').update(template.fingerprint).digest('hex').slice(0, 16);
  const templateName = `${prefix}${fingerprint}`;
  await admin.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [prefix]);
  try {
    const { rows } = await admin.query<{ name: string; ready: boolean; comment: string | null }>(
      `SELECT datname AS name, datistemplate AS ready, shobj_description(oid, 'pg_database') AS comment
         FROM pg_database WHERE starts_with(datname, $1)`,
      [prefix],
    );
    const current = rows.find((r) => r.name === templateName);
    if (!current?.ready) {
      if (current) await admin.query(`DROP DATABASE "${templateName}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${templateName}"`);
      await template.build(urlFor(templateName));
      await admin.query(`ALTER DATABASE "${templateName}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    }
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
    const now = Date.now();
    await admin.query(`COMMENT ON DATABASE "${templateName}" IS '${TEMPLATE_COMMENT}${new Date(now).toISOString()}'`);
    for (const other of rows) {
      const lastUsed = Date.parse(other.comment?.slice(TEMPLATE_COMMENT.length) ?? '');
      if (other.name === templateName || now - (Number.isNaN(lastUsed) ? 0 : lastUsed) < STALE_TEMPLATE_MS) continue;
      await admin.query(`ALTER DATABASE "${other.name}" WITH IS_TEMPLATE false`);
      await admin.query(`DROP DATABASE "${other.name}" WITH (FORCE)`);
    }
  } finally {
    // A broken connection must not hide the error above: its session's end releases the lock anyway.
    await admin.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [prefix]).catch(() => undefined);
  }
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
