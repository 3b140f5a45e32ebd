import { Client } from 'pg';
import { databaseNameOf, ensureDatabase, redact, withDatabase } from './index';

const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('database URLs', () => {
  it('reads and replaces the database name and hides passwords', () => {
    expect(databaseNameOf('postgres://u:p@h:5432/helhed_family')).toBe('helhed_family');
    expect(withDatabase('postgres://u:p@h:5432/a?sslmode=disable', 'b')).toBe(
      'postgres://u:p@h:5432/b?sslmode=disable',
    );
    expect(redact('postgres://u:secret@h/db')).toBe('postgres://u:***@h/db');
    expect(() => databaseNameOf('postgres://h:5432')).toThrow(/names no database/);
  });
});

describe('ensureDatabase', () => {
  const name = `helhed_ensure_${process.pid}_${Date.now()}`;
  afterAll(async () => {
    const c = new Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}"`);
    await c.end();
  });

  it('creates a missing database once and is idempotent', async () => {
    const url = withDatabase(base, name);
    await expect(ensureDatabase(url)).resolves.toBe(true);
    await expect(ensureDatabase(url)).resolves.toBe(false);
    const c = new Client({ connectionString: url });
    await c.connect();
    const { rows } = await c.query('SELECT current_database() AS db');
    await c.end();
    expect(rows[0].db).toBe(name);
  });

  it('refuses names that are not plain identifiers', async () => {
    await expect(ensureDatabase(withDatabase(base, 'x"; DROP'))).rejects.toThrow(/Refusing/);
  });
});
