import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import {
  beginTestRun,
  createTestDatabase,
  queryDatabase,
  TEST_RUN_ENV,
  TEST_SERVER_URL,
  type DatabaseTemplate,
  type TestDatabase,
} from './database';

const admin = (sql: string, params: unknown[] = []) => queryDatabase(TEST_SERVER_URL, sql, params);
const databasesLike = async (prefix: string) =>
  (
    await admin(
      'SELECT datname AS name, datistemplate AS template, datallowconn AS connectable FROM pg_database WHERE starts_with(datname, $1) ORDER BY 1',
      [prefix],
    )
  ).map((r) => r as { name: string; template: boolean; connectable: boolean });

async function dropTemplates(prefix: string) {
  for (const { name } of await databasesLike(prefix)) {
    await admin(`ALTER DATABASE "${name}" WITH IS_TEMPLATE false`);
    await admin(`DROP DATABASE "${name}" WITH (FORCE)`);
  }
}

describe('test databases copied from a template', () => {
  const label = `tpl_check_${randomBytes(3).toString('hex')}`;
  const made: TestDatabase[] = [];
  let builds = 0;
  const template = (version: string): DatabaseTemplate => ({
    fingerprint: `migrations ${version}`,
    build: async (url) => {
      builds += 1;
      const c = new Client({ connectionString: url });
      await c.connect();
      await c.query(
        `CREATE TABLE note (id serial PRIMARY KEY, text text NOT NULL); INSERT INTO note (text) VALUES ($$${version}$$)`,
      );
      await c.end();
    },
  });

  afterAll(async () => {
    await Promise.all(made.map((d) => d.drop()));
    await dropTemplates(`helhed_tpl_${label}_`);
  });

  it('builds the template once, however many databases are made from it at once, and each copy is its own', async () => {
    const copies = await Promise.all([1, 2, 3].map(() => createTestDatabase(label, { template: template('v1') })));
    made.push(...copies);
    expect(builds).toBe(1);
    await queryDatabase(copies[0]!.url, `INSERT INTO note (text) VALUES ('only in the first')`);
    expect(await queryDatabase(copies[0]!.url, 'SELECT text FROM note ORDER BY id')).toEqual([
      { text: 'v1' },
      { text: 'only in the first' },
    ]);
    for (const copy of copies.slice(1))
      expect(await queryDatabase(copy.url, 'SELECT text FROM note')).toEqual([{ text: 'v1' }]);
    // Nobody may connect to the template: a connection would stop every copy.
    expect(await databasesLike(`helhed_tpl_${label}_`)).toEqual([
      expect.objectContaining({ template: true, connectable: false }),
    ]);
  });

  it('never copies a template made from other migrations: another fingerprint builds its own', async () => {
    const before = builds;
    const copy = await createTestDatabase(label, { template: template('v2') });
    made.push(copy);
    expect(builds).toBe(before + 1);
    expect(await queryDatabase(copy.url, 'SELECT text FROM note')).toEqual([{ text: 'v2' }]);
    // The first fingerprint's template was used a moment ago: it stays, another checkout may be using it.
    expect(await databasesLike(`helhed_tpl_${label}_`)).toHaveLength(2);
  });

  it('builds again after a build that died half-way (never marked a template)', async () => {
    const failing: DatabaseTemplate = {
      fingerprint: 'migrations v3',
      build: async () => {
        throw new Error('migration failed');
      },
    };
    await expect(createTestDatabase(label, { template: failing })).rejects.toThrow('migration failed');
    const before = builds;
    const copy = await createTestDatabase(label, { template: { ...template('v3'), fingerprint: 'migrations v3' } });
    made.push(copy);
    expect(builds).toBe(before + 1);
    expect(await queryDatabase(copy.url, 'SELECT text FROM note')).toEqual([{ text: 'v3' }]);
  });
});

describe('a test run’s databases', () => {
  const saved = process.env[TEST_RUN_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[TEST_RUN_ENV];
    else process.env[TEST_RUN_ENV] = saved;
  });

  it('are dropped by the run’s process once done, the rest when it ends; a dead run’s by the next run, a live one’s not', async () => {
    const run = await beginTestRun();
    process.env[TEST_RUN_ENV] = run.id;
    const done = await createTestDatabase('run_check');
    const open = await createTestDatabase('run_check');
    expect(done.name.startsWith(`helhed_run_${run.id}_run_check_`)).toBe(true);
    await done.drop();
    for (const deadline = Date.now() + 30_000; (await databasesLike(done.name)).length > 0;) {
      if (Date.now() > deadline) throw new Error(`${done.name} was not dropped in the background`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await databasesLike(open.name)).toHaveLength(1);

    // A run whose process died: its databases are there, its lock is held by nobody.
    const dead = randomBytes(4).toString('hex');
    await admin(`CREATE DATABASE "helhed_run_${dead}_left_over"`);
    const next = await beginTestRun();
    expect(await databasesLike(`helhed_run_${dead}_`)).toEqual([]);
    expect(await databasesLike(open.name)).toHaveLength(1);

    await run.end();
    expect(await databasesLike(`helhed_run_${run.id}_`)).toEqual([]);
    await next.end();
  });
});
