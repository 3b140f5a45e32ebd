import { Client } from 'pg';
import { databaseNameOf, ensureDatabase, redact, withDatabase } from './urls';

/**
 * Two database roles per service database (see README, "Tenancy wall"):
 *
 * - the owner role runs the migrations and owns every table, function and type;
 * - the application role serves requests: a login role that is neither owner
 *   nor superuser and has no BYPASSRLS, so row-level security binds it; it may
 *   SELECT/INSERT/UPDATE/DELETE the tables, except the append-only ones (the
 *   audit log) where it may only SELECT and INSERT.
 *
 * In production both come from configuration: `MIGRATION_DATABASE_URL`
 * (owner) and `DATABASE_URL` (application). In development and tests only
 * `DATABASE_URL` is set, to an administrative account (`postgres`); the
 * service then derives both roles on the same server (`DEV_OWNER_ROLE`,
 * `DEV_APP_ROLE`, created if missing, with the administrative account's password).
 */
export const DEV_OWNER_ROLE = 'helhed_owner';
export const DEV_APP_ROLE = 'helhed_app';

export interface DatabaseAccounts {
  /** Owner: creates the database if needed, runs migrations. */
  ownerUrl: string;
  /** The application role: every request's statements. */
  appUrl: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function withUser(url: string, user: string): string {
  const u = new URL(url);
  u.username = user;
  return u.toString();
}

function roleOf(url: string): string {
  const role = decodeURIComponent(new URL(url).username) || 'postgres';
  if (!IDENTIFIER.test(role)) throw new Error(`Refusing the database role name ${JSON.stringify(role)}`);
  return role;
}

function passwordOf(url: string): string | null {
  const password = decodeURIComponent(new URL(url).password);
  return password || null;
}

/** duplicate_object, or the unique index of pg_authid when two processes create a role at once. */
const alreadyThere = (error: unknown) => ['42710', '23505'].includes((error as { code?: string }).code ?? '');

/**
 * Creates a login role if it does not exist (roles are cluster-wide, and test
 * files start services in parallel: a concurrent creation is not an error).
 * NOSUPERUSER NOBYPASSRLS are spelled out: the wall depends on them.
 */
async function ensureRole(admin: Client, role: string, password: string | null): Promise<void> {
  const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (rowCount) return;
  const quotedPassword = password === null ? 'NULL' : `'${password.replace(/'/g, "''")}'`;
  try {
    await admin.query(`CREATE ROLE "${role}" LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE PASSWORD ${quotedPassword}`);
  } catch (error) {
    if (!alreadyThere(error)) throw error;
  }
}

/**
 * Works out the two accounts from the settings. With `MIGRATION_DATABASE_URL`
 * the database is created (if missing) by the owner account, and the
 * application role from `DATABASE_URL` is created if missing and the owner
 * account may create roles (docker-compose); in production it is made by
 * whoever administers the server. Without it (development, tests) the
 * `DATABASE_URL` account is an administrator: it creates both dev roles and
 * the database, and hands the database to the owner role.
 */
export async function prepareDatabaseAccounts(settings: {
  DATABASE_URL: string;
  MIGRATION_DATABASE_URL?: string | undefined;
}): Promise<DatabaseAccounts> {
  if (settings.MIGRATION_DATABASE_URL) {
    const ownerUrl = settings.MIGRATION_DATABASE_URL;
    if (databaseNameOf(ownerUrl) !== databaseNameOf(settings.DATABASE_URL))
      throw new Error(`MIGRATION_DATABASE_URL (${redact(ownerUrl)}) and DATABASE_URL name different databases`);
    if (roleOf(ownerUrl) === roleOf(settings.DATABASE_URL))
      throw new Error('DATABASE_URL must name the application role, not the owner role of MIGRATION_DATABASE_URL');
    await ensureDatabase(ownerUrl);
    const admin = new Client({ connectionString: ownerUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query(
        'SELECT rolcreaterole OR rolsuper AS may FROM pg_roles WHERE rolname = current_user',
      );
      if (rows[0]?.may) await ensureRole(admin, roleOf(settings.DATABASE_URL), passwordOf(settings.DATABASE_URL));
    } finally {
      await admin.end();
    }
    return { ownerUrl, appUrl: settings.DATABASE_URL };
  }

  const adminUrl = settings.DATABASE_URL;
  const password = passwordOf(adminUrl);
  const admin = new Client({ connectionString: withDatabase(adminUrl, 'postgres') });
  await admin.connect();
  try {
    await ensureRole(admin, DEV_OWNER_ROLE, password);
    await ensureRole(admin, DEV_APP_ROLE, password);
  } finally {
    await admin.end();
  }
  await ensureDatabase(adminUrl);
  await handDatabaseToOwner(adminUrl, DEV_OWNER_ROLE);
  return { ownerUrl: withUser(adminUrl, DEV_OWNER_ROLE), appUrl: withUser(adminUrl, DEV_APP_ROLE) };
}

/**
 * Development only: makes the owner role the owner of the database and of what
 * earlier versions created in it as the administrator (tables, their
 * sequences, views, functions, enum types), so its migrations may alter them.
 */
async function handDatabaseToOwner(adminUrl: string, owner: string): Promise<void> {
  const name = databaseNameOf(adminUrl);
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT pg_get_userbyid(d.datdba) AS owner FROM pg_database d WHERE d.datname = current_database()`,
    );
    if (rows[0]?.owner !== owner) await c.query(`ALTER DATABASE "${name}" OWNER TO "${owner}"`);
    // Every start, not only the first: a process that migrated as the administrator (an older
    // version, or another process of the same service) may have created objects since.
    await c.query(`
      DO $$
      DECLARE r record;
      BEGIN
        FOR r IN
          SELECT format('ALTER %s %s OWNER TO ${owner}',
                        CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                       WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
                        c.oid::regclass) AS stmt
            FROM pg_class c
           WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
             AND c.relowner <> '${owner}'::regrole
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                               AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
          UNION ALL
          SELECT format('ALTER FUNCTION %s OWNER TO ${owner}', p.oid::regprocedure)
            FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '${owner}'::regrole
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                               AND d.objid = p.oid AND d.deptype = 'e')
          UNION ALL
          SELECT format('ALTER TYPE %s OWNER TO ${owner}', t.oid::regtype)
            FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd')
             AND t.typowner <> '${owner}'::regrole
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                               AND d.objid = t.oid AND d.deptype = 'e')
        LOOP
          EXECUTE r.stmt;
        END LOOP;
      END $$`);
  } finally {
    await c.end();
  }
}

/**
 * Grants the application role what it needs, after the migrations, as the
 * owner: every table but the migrations' own bookkeeping, with UPDATE and
 * DELETE withheld (and revoked) on the append-only tables. Idempotent; runs at
 * every start, so a new table is granted by the start that created it.
 */
export async function grantApplicationRole(
  ownerUrl: string,
  appUrl: string,
  options: { appendOnly?: readonly string[] } = {},
): Promise<void> {
  const app = roleOf(appUrl);
  const appendOnly = new Set(options.appendOnly ?? []);
  const c = new Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm') AND c.relname <> 'migrations'
        ORDER BY 1`,
    );
    const statements = [`GRANT USAGE ON SCHEMA public TO "${app}"`];
    for (const { name } of rows) {
      if (appendOnly.has(name)) {
        statements.push(`GRANT SELECT, INSERT ON "${name}" TO "${app}"`);
        statements.push(`REVOKE UPDATE, DELETE, TRUNCATE ON "${name}" FROM "${app}"`);
      } else {
        statements.push(`GRANT SELECT, INSERT, UPDATE, DELETE ON "${name}" TO "${app}"`);
      }
    }
    statements.push(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${app}"`);
    await c.query(statements.join(';\n'));
  } finally {
    await c.end();
  }
}
