import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFamilyConfig, startFamilyService } from '@helhed/family';
import { createTestDatabase, queryDatabase, TEST_SECRETS, type TestDatabase } from '@helhed/testing';
import { createServiceTestDatabase, type DatabaseService } from './test-databases';

const ROOT = join(__dirname, '..', '..', '..');
const SERVICES: DatabaseService[] = ['family', 'employment', 'health', 'economy', 'reminders'];

/** What the template's hash covers besides the service's own `src/db` (see MIGRATION_SOURCES). */
const COVERED = new Set(['typeorm', '@helhed/db', '@helhed/audit', '@helhed/history']);

describe('test databases copied from a service template', () => {
  it('take their migrations only from what the template hash covers', () => {
    for (const service of SERVICES) {
      const dir = join(ROOT, 'services', service, 'src', 'db', 'migrations');
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
        const imports = [...readFileSync(join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
        // A relative import stays inside src/db/migrations; anything else must be hashed with them.
        expect({ file, outside: imports.filter((i) => !i.startsWith('./') && !COVERED.has(i)) }).toEqual({
          file,
          outside: [],
        });
      }
    }
  });

  it('hold what the service’s start makes in an empty database: tables, columns, row-level security and grants', async () => {
    const made: TestDatabase[] = [];
    try {
      const copy = await createServiceTestDatabase('family');
      const empty = await createTestDatabase('family_from_zero');
      made.push(copy, empty);
      for (const db of [copy, empty]) {
        const config = loadFamilyConfig({
          LOG_LEVEL: 'silent',
          PORT: '0',
          DATABASE_URL: db.url,
          IDENTITY_SIGNING_SECRET: TEST_SECRETS.identity,
          CPR_ENCRYPTION_KEY: TEST_SECRETS.cprEncryptionKey,
          CPR_HASH_KEY: TEST_SECRETS.cprHashKey,
        });
        await (await startFamilyService(config)).close();
      }
      const schema = (url: string) =>
        Promise.all([
          queryDatabase(
            url,
            `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
              WHERE table_schema = 'public' ORDER BY 1, 2`,
          ),
          queryDatabase(
            url,
            `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner) AS owner,
                    c.relacl::text AS grants
               FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1`,
          ),
          queryDatabase(
            url,
            `SELECT tablename, policyname, roles, cmd, qual, with_check FROM pg_policies ORDER BY 1, 2`,
          ),
          queryDatabase(url, `SELECT name FROM migrations ORDER BY id`),
        ]);
      const fromTemplate = await schema(copy.url);
      expect(fromTemplate[3].length).toBeGreaterThan(0);
      expect(fromTemplate).toEqual(await schema(empty.url));
    } finally {
      await Promise.all(made.map((d) => d.drop()));
    }
  });
});
