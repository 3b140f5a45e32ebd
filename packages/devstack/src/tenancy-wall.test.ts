import {
  asApplicationRole,
  queryAsTenant,
  queryDatabase,
  TEST_APP_ROLE,
  tenantTables,
  type TenantTable,
} from '@helhed/testing';
import { loadDemoData } from './demo-data';
import { startTestStack, type TestStack } from './test-stack';

/**
 * The tenancy wall in PostgreSQL (README, "Tenancy wall"), on the databases the
 * running services made, with the demo data loaded through the graph and a
 * copy of a row of each tenant table moved to a second municipality.
 */
const WALLED = ['family', 'employment', 'health', 'economy'] as const;

/** Tenant tables (with a municipality column) deliberately left outside the wall, in any service, and why. */
const EXEMPT: Record<string, string> = {
  audit_event: 'its hash chain runs across municipalities; append-only for the application role (SELECT, INSERT only)',
};

const OTHER = '101';

let stack: TestStack;
const tables: Record<string, TenantTable[]> = {};

beforeAll(async () => {
  stack = await startTestStack();
  await loadDemoData(stack.graph);
  for (const service of WALLED) {
    const url = stack.databases[service].url;
    tables[service] = await tenantTables(url);
    if (service === 'family')
      await queryDatabase(
        url,
        `INSERT INTO municipality (code, name) VALUES ('${OTHER}', 'København') ON CONFLICT DO NOTHING`,
      );
    // As the administrator (no wall): a copy of one row of each table in another municipality, where the
    // table's keys allow a copy with a fresh id; tables that refuse are simply not copied.
    for (const { table } of tables[service]!) {
      await queryDatabase(
        url,
        `DO $$ BEGIN
           INSERT INTO "${table}"
           SELECT (jsonb_populate_record(NULL::"${table}", to_jsonb(r) || jsonb_build_object('municipality_code', '${OTHER}')
                   || CASE WHEN to_jsonb(r) ? 'id' THEN jsonb_build_object('id', gen_random_uuid()) ELSE '{}' END)).*
             FROM "${table}" r WHERE municipality_code = '630' LIMIT 1;
         EXCEPTION WHEN others THEN NULL;
         END $$`,
      );
    }
  }
}, 120_000);
afterAll(async () => {
  await stack?.close();
}, 30_000);

const count = async (url: string, municipality: string | null, table: string, where = 'TRUE') =>
  Number(
    (
      await queryAsTenant<{ n: string }>(
        url,
        municipality,
        `SELECT count(*) AS n FROM "${table}" WHERE municipality_code IS NOT NULL AND ${where}`,
      )
    )[0]!.n,
  );

describe.each(WALLED)('the tenancy wall of the %s database', (service) => {
  const url = () => stack.databases[service].url;
  const walled = () => tables[service]!.filter((t) => !EXEMPT[t.table]);

  it('has row-level security, FORCEd, on every table with a municipality column, all owned by the owner role', () => {
    expect(tables[service]!.length).toBeGreaterThan(0);
    const wrong = walled()
      .filter((t) => !t.rowSecurity || !t.forced || t.owner !== 'helhed_owner')
      .map((t) => `${t.table}: rls=${t.rowSecurity} force=${t.forced} owner=${t.owner}`);
    expect(wrong).toEqual([]);
  });

  it('shows the application role without a municipality no tenant row, though there are rows', async () => {
    const app = asApplicationRole(url());
    const counts = await Promise.all(
      walled().map(async ({ table }) => ({
        table,
        present: await count(url(), null, table),
        seen: await count(app, null, table),
      })),
    );
    expect(counts.reduce((sum, c) => sum + c.present, 0)).toBeGreaterThan(0);
    expect(counts.filter((c) => c.seen !== 0)).toEqual([]);
  });

  it("shows the application role with a municipality exactly that municipality's rows", async () => {
    const app = asApplicationRole(url());
    const rows = await Promise.all(
      walled().map(async ({ table }) => ({
        table,
        own: await count(url(), null, table, `municipality_code = '630'`),
        other: await count(url(), null, table, `municipality_code = '${OTHER}'`),
        seenAs630: await count(app, '630', table),
        seenAsOther: await count(app, OTHER, table),
      })),
    );
    expect(rows.filter((r) => r.own > 0 && r.other > 0).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.seenAs630 !== r.own || r.seenAsOther !== r.other)).toEqual([]);
  });

  it('serves requests as an application role that is neither owner, superuser nor BYPASSRLS', async () => {
    const [role] = await queryDatabase(url(), 'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1', [
      TEST_APP_ROLE,
    ]);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const connections = await servicePoolWhileInUse(service);
    expect(connections.length).toBeGreaterThan(0);
    expect([...new Set(connections.map((c) => c.usename))]).toEqual([TEST_APP_ROLE]);
  });
});

/**
 * The connections the service holds to its database — its pool names itself
 * `helhed` — as PostgreSQL sees them, right after the service used its pool
 * (`/ready` runs a statement on the very pool requests use). A pooled
 * connection idles out after 10 s, so counting at an arbitrary instant may
 * find none; this asks again until the pool is seen (up to 30 s), and then
 * every connection of it must be the application role's.
 */
async function servicePoolWhileInUse(service: (typeof WALLED)[number]): Promise<Array<{ usename: string }>> {
  const ready = stack.subgraphs[service].url.replace(/\/graphql$/, '/ready');
  const deadline = Date.now() + 30_000;
  for (;;) {
    expect((await fetch(ready)).status).toBe(200);
    const connections = await queryDatabase<{ usename: string }>(
      stack.databases[service].url,
      `SELECT usename FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'helhed' AND backend_type = 'client backend'`,
    );
    if (connections.length > 0 || Date.now() > deadline) return connections;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the audit log', () => {
  it('is append-only for the application role: no UPDATE or DELETE privilege', async () => {
    const [privileges] = await queryDatabase(
      stack.databases.health.url,
      `SELECT has_table_privilege($1, 'audit_event', 'INSERT') AS insert,
              has_table_privilege($1, 'audit_event', 'UPDATE') AS update,
              has_table_privilege($1, 'audit_event', 'DELETE') AS delete`,
      [TEST_APP_ROLE],
    );
    expect(privileges).toEqual({ insert: true, update: false, delete: false });
  });
});
