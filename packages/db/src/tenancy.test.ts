import { Client } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { openDatabase, type DataSource } from './index';
import { DEV_APP_ROLE, DEV_OWNER_ROLE, grantApplicationRole, prepareDatabaseAccounts } from './roles';
import { asTenant, enableTenantIsolation, setTenantScope, withTenantScope } from './tenancy';
import { withDatabase } from './urls';

const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `helhed_tenancy_${process.pid}_${Date.now()}`;
const adminUrl = withDatabase(base, name);

class Notes1765400000001 implements MigrationInterface {
  name = 'Notes1765400000001';
  async up(q: QueryRunner) {
    await q.query(`CREATE TABLE note (id serial PRIMARY KEY, municipality_code char(3), body text NOT NULL)`);
    await q.query(`CREATE TABLE audit_event (id serial PRIMARY KEY, municipality_code char(3) NOT NULL)`);
    await enableTenantIsolation(q, 'note', { sharedWhereNull: true });
  }
  async down() {}
}

async function adminQuery(sql: string, params: unknown[] = []) {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

let app: DataSource;
beforeAll(async () => {
  const accounts = await prepareDatabaseAccounts({ DATABASE_URL: adminUrl });
  const owner = await openDatabase({
    url: accounts.ownerUrl,
    entities: [],
    migrations: [Notes1765400000001],
    poolSize: 1,
  });
  await owner.destroy();
  await grantApplicationRole(accounts.ownerUrl, accounts.appUrl, { appendOnly: ['audit_event'] });
  // One connection: every scope below reuses it, so a leftover setting would show.
  app = await openDatabase({ url: accounts.appUrl, entities: [], migrations: [], poolSize: 1 }, { migrate: false });
  await adminQuery(
    `INSERT INTO note (municipality_code, body) VALUES ('630', 'a'), ('630', 'b'), ('101', 'c'), (NULL, 'shared')`,
  );
}, 30_000);
afterAll(async () => {
  await app?.destroy();
  const c = new Client({ connectionString: base });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.end();
});

const bodies = async () =>
  ((await app.query('SELECT body FROM note ORDER BY body')) as Array<{ body: string }>).map((r) => r.body);

describe('the tenancy wall in a DataSource', () => {
  it('runs migrations as the owner and serves as a role without BYPASSRLS that does not own the tables', async () => {
    expect(await adminQuery(`SELECT tableowner FROM pg_tables WHERE tablename = 'note'`)).toEqual([
      { tableowner: DEV_OWNER_ROLE },
    ]);
    expect(await adminQuery('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1', [DEV_APP_ROLE])).toEqual([
      { rolsuper: false, rolbypassrls: false },
    ]);
    expect(await app.query('SELECT current_user AS who')).toEqual([{ who: DEV_APP_ROLE }]);
  });

  it('shows no tenant row without a municipality, only the shared ones', async () => {
    expect(await bodies()).toEqual(['shared']);
  });

  it("shows one municipality's rows (and the shared ones), in reads and in transactions, with no leftover between scopes", async () => {
    expect(await asTenant('630', bodies)).toEqual(['a', 'b', 'shared']);
    expect(await asTenant('101', bodies)).toEqual(['c', 'shared']);
    expect(
      await asTenant('101', () => app.transaction((tx) => tx.query('SELECT body FROM note ORDER BY body'))),
    ).toEqual([{ body: 'c' }, { body: 'shared' }]);
    // The transaction's SET LOCAL is gone with it; the next scope's read sets its own.
    expect(await asTenant('630', bodies)).toEqual(['a', 'b', 'shared']);
    expect(await bodies()).toEqual(['shared']);
  });

  it("refuses to write into another municipality and cannot change another's rows", async () => {
    await expect(
      asTenant('630', () => app.query(`INSERT INTO note (municipality_code, body) VALUES ('101', 'x')`)),
    ).rejects.toThrow(/row-level security/);
    const updated = await asTenant('630', () =>
      app.transaction((tx) => tx.query(`UPDATE note SET body = 'changed' WHERE municipality_code = '101'`)),
    );
    expect(updated[1]).toBe(0);
    expect(await adminQuery(`SELECT body FROM note WHERE municipality_code = '101'`)).toEqual([{ body: 'c' }]);
  });

  it("lets the national scope read every municipality's rows but write none of another's", async () => {
    const national = <T>(work: () => Promise<T>) =>
      withTenantScope(() => {
        setTenantScope({ municipality: '630', national: true });
        return work();
      });
    expect(await national(bodies)).toEqual(['a', 'b', 'c', 'shared']);
    const [, deleted] = await national(() =>
      app.transaction((tx) => tx.query(`DELETE FROM note WHERE municipality_code = '101'`)),
    );
    expect(deleted).toBe(0);
  });

  it('keeps an append-only table append-only for the application role', async () => {
    await asTenant('630', () => app.query(`INSERT INTO audit_event (municipality_code) VALUES ('630')`));
    await expect(app.query('UPDATE audit_event SET municipality_code = $1', ['101'])).rejects.toThrow(
      /permission denied/,
    );
    await expect(app.query('DELETE FROM audit_event')).rejects.toThrow(/permission denied/);
  });

  it('takes the accounts from MIGRATION_DATABASE_URL and DATABASE_URL, creating the application role if the owner may', async () => {
    const role = `helhed_app_${process.pid}`;
    const appUrl = new URL(adminUrl);
    appUrl.username = role;
    appUrl.password = 'configured-password';
    try {
      await expect(
        prepareDatabaseAccounts({ MIGRATION_DATABASE_URL: adminUrl, DATABASE_URL: appUrl.toString() }),
      ).resolves.toEqual({ ownerUrl: adminUrl, appUrl: appUrl.toString() });
      expect(await adminQuery('SELECT rolcanlogin, rolbypassrls FROM pg_roles WHERE rolname = $1', [role])).toEqual([
        { rolcanlogin: true, rolbypassrls: false },
      ]);
      await expect(
        prepareDatabaseAccounts({ MIGRATION_DATABASE_URL: adminUrl, DATABASE_URL: adminUrl }),
      ).rejects.toThrow(/application role, not the owner/);
    } finally {
      await adminQuery(`DROP ROLE IF EXISTS "${role}"`);
    }
  });

  it('is idempotent: preparing the accounts again changes nothing', async () => {
    await expect(prepareDatabaseAccounts({ DATABASE_URL: adminUrl })).resolves.toMatchObject({
      appUrl: expect.stringContaining(DEV_APP_ROLE),
    });
  });
});
