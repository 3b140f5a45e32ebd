import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * The tenancy wall: every tenant-owned table has row-level security keyed on
 * its municipality column, and every statement the application role runs
 * carries the municipality of the verified identity of the request in the
 * PostgreSQL setting `helhed.municipality`. A statement without it sees and
 * writes no tenant row at all.
 *
 * - `TENANT_SETTING` holds the caller's municipality (three digits), or ''.
 * - `SCOPE_SETTING` is 'national' for a national monitor: it lets SELECT (never
 *   a write) see every municipality's rows, because the national view counts
 *   across municipalities. Only `tenantScopeOf` in @helhed/server decides it,
 *   from a verified identity whose only role is NATIONAL_MONITOR — the role the
 *   access rules already limit to aggregates.
 *
 * The settings are not secrets: any session may set them. The wall guards
 * against a statement that forgets `WHERE municipality_code = …` (a bug), not
 * against code that sets another municipality on purpose; there is one place
 * that sets them (`scopeQueryRunners` below), fed only from the verified identity.
 */
export const TENANT_SETTING = 'helhed.municipality';
export const SCOPE_SETTING = 'helhed.scope';

export interface TenantScope {
  /** The caller's municipality code; null outside a request (startup, migrations). */
  municipality: string | null;
  /** Reads (only reads) across municipalities: the national monitor's aggregates. */
  national: boolean;
}

const NO_TENANT: TenantScope = { municipality: null, national: false };

/** The request's scope, in a holder the request's context function fills in once the identity is verified. */
const storage = new AsyncLocalStorage<{ scope: TenantScope }>();

/**
 * Runs one request's work with a fresh, empty tenancy scope; `setTenantScope`
 * (called once the identity is verified) fills it in. Everything the request
 * starts — resolvers, DataLoader batches, the after-request audit — sees it.
 */
export function withTenantScope<T>(work: () => T): T {
  return storage.run({ scope: NO_TENANT }, work);
}

/** Sets the scope of the current request (see `withTenantScope`). */
export function setTenantScope(scope: TenantScope): void {
  const holder = storage.getStore();
  if (!holder) throw new Error('setTenantScope outside withTenantScope: the request has no tenancy scope');
  holder.scope = scope;
}

/** The scope statements run with now: the request's, or none. */
export function currentTenantScope(): TenantScope {
  return storage.getStore()?.scope ?? NO_TENANT;
}

/** Runs `work` as one municipality (seeding and tests outside a request). */
export function asTenant<T>(municipality: string, work: () => T): T {
  return storage.run({ scope: { municipality, national: false } }, work);
}

const SET_SCOPE = `SELECT set_config('${TENANT_SETTING}', $1, $3), set_config('${SCOPE_SETTING}', $2, $3)`;

/**
 * Counts for measuring the wall's cost (see README): statements sent through
 * query runners, and the scope-setting statements among them.
 */
export const tenancyStats = { statements: 0, scopeStatements: 0 };

interface ScopedClient {
  query(text: string, values: unknown[]): Promise<unknown>;
  /** The scope last set on this connection at session level. */
  helhedScope?: string;
}

/**
 * Makes every query runner of the DataSource carry the scope current when it
 * was made (that is, the request's):
 *
 * - a transaction sets it with `set_config(…, true)` (= `SET LOCAL`) right
 *   after `START TRANSACTION`: one extra statement per transaction; it ends
 *   with the transaction;
 * - a statement outside a transaction sets it at session level first, unless
 *   the pooled connection already holds exactly that scope (each connection
 *   remembers what it was last set to): at most one extra statement per
 *   autocommit statement, none while one municipality's requests reuse a
 *   connection. A connection's leftover session value is never seen by another
 *   request: every runner sets its own before its first statement.
 *
 * The setting statements go to the driver's connection directly, not through
 * TypeORM's logger, so statement-counting tests count the domain's statements
 * only (the extra round trips are measured separately — see README).
 */
export function scopeQueryRunners(dataSource: DataSource): void {
  const driver = dataSource.driver;
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode) => scopeRunner(createQueryRunner(mode), currentTenantScope());
}

function scopeRunner(runner: QueryRunner, scope: TenantScope): QueryRunner {
  const values = [scope.municipality ?? '', scope.national ? 'national' : ''];
  const key = values.join('|');
  const query = runner.query.bind(runner);
  const startTransaction = runner.startTransaction.bind(runner);
  const client = async () => (await runner.connect()) as ScopedClient;

  runner.startTransaction = async (isolationLevel) => {
    await startTransaction(isolationLevel);
    // Outermost transaction only; savepoints inherit it.
    if ((runner as unknown as { transactionDepth: number }).transactionDepth === 1) {
      tenancyStats.scopeStatements += 1;
      await (await client()).query(SET_SCOPE, [...values, true]);
    }
  };
  runner.query = (async (...args: Parameters<QueryRunner['query']>) => {
    tenancyStats.statements += 1;
    if (!runner.isTransactionActive) {
      const connection = await client();
      if (connection.helhedScope !== key) {
        tenancyStats.scopeStatements += 1;
        await connection.query(SET_SCOPE, [...values, false]);
        connection.helhedScope = key;
      }
    }
    return query(...args);
  }) as QueryRunner['query'];
  return runner;
}

/**
 * Migration helper: row-level security on a tenant-owned table, keyed on its
 * municipality column, FORCEd so that the table owner is bound too (only a
 * superuser or a BYPASSRLS role passes; the application role is neither).
 *
 * - `tenant_isolation`: rows of the statement's municipality only, for
 *   SELECT, INSERT, UPDATE and DELETE (`WITH CHECK`: nothing is written into
 *   another municipality).
 * - `tenant_national_read`: SELECT of every row when the scope is 'national'.
 * - `tenant_shared_read` (with `sharedWhereNull`): SELECT of the rows without a
 *   municipality, shared reference data such as the published SDQ norms.
 *
 * Without a municipality set, `current_setting(…, true)` is NULL or '' and no
 * row matches.
 */
export async function enableTenantIsolation(
  q: Pick<QueryRunner, 'query'>,
  table: string,
  options: {
    column?: string;
    /** Rows with no municipality are shared reference data every municipality reads (never writes). */
    sharedWhereNull?: boolean;
  } = {},
): Promise<void> {
  const column = options.column ?? 'municipality_code';
  await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
  await q.query(
    `CREATE POLICY tenant_isolation ON "${table}"
       USING ("${column}" = current_setting('${TENANT_SETTING}', true))
       WITH CHECK ("${column}" = current_setting('${TENANT_SETTING}', true))`,
  );
  await q.query(
    `CREATE POLICY tenant_national_read ON "${table}" FOR SELECT
       USING (current_setting('${SCOPE_SETTING}', true) = 'national')`,
  );
  if (options.sharedWhereNull)
    await q.query(`CREATE POLICY tenant_shared_read ON "${table}" FOR SELECT USING ("${column}" IS NULL)`);
}

/** Undoes `enableTenantIsolation` (a migration's `down`). */
export async function disableTenantIsolation(q: Pick<QueryRunner, 'query'>, table: string): Promise<void> {
  await q.query(`DROP POLICY IF EXISTS tenant_shared_read ON "${table}"`);
  await q.query(`DROP POLICY IF EXISTS tenant_national_read ON "${table}"`);
  await q.query(`DROP POLICY IF EXISTS tenant_isolation ON "${table}"`);
  await q.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
}
