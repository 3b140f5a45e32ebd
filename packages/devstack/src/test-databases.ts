import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadEconomyConfig, startEconomyService } from '@helhed/economy';
import { loadEmploymentConfig, startEmploymentService } from '@helhed/employment';
import { loadFamilyConfig, startFamilyService } from '@helhed/family';
import { loadHealthConfig, startHealthService } from '@helhed/health';
import { loadRemindersConfig, startNotificationsSubgraph } from '@helhed/reminders';
import { createTestDatabase, TEST_SECRETS, type DatabaseTemplate, type TestDatabase } from '@helhed/testing';
import type { SubgraphService } from './stack';

/** A service with a database of its own (the reminders service's holds the notifications subgraph's tables). */
export type DatabaseService = SubgraphService | 'reminders';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * What a service's migrations are made of: its `src/db` folder and the shared
 * packages whose helpers migrations call (tenancy, audit and history tables).
 * Overly broad on purpose: an edit there builds the template again (seconds),
 * a missed one would hand tests a schema the migrations no longer make.
 */
const MIGRATION_SOURCES = (service: DatabaseService) => [
  `services/${service}/src/db`,
  'packages/db/src',
  'packages/audit/src',
  'packages/history/src',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const fingerprints = new Map<DatabaseService, string>();

/** A hash of every migration source of the service (path and contents). */
function migrationFingerprint(service: DatabaseService): string {
  let fingerprint = fingerprints.get(service);
  if (!fingerprint) {
    const hash = createHash('sha256');
    for (const file of MIGRATION_SOURCES(service)
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .sort()) {
      hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
    }
    fingerprint = hash.digest('hex');
    fingerprints.set(service, fingerprint);
  }
  return fingerprint;
}

const TEMPLATE_ENV = {
  LOG_LEVEL: 'silent',
  PORT: '0',
  NOTIFICATIONS_PORT: '0',
  IDENTITY_SIGNING_SECRET: TEST_SECRETS.identity,
  CPR_ENCRYPTION_KEY: TEST_SECRETS.cprEncryptionKey,
  CPR_HASH_KEY: TEST_SECRETS.cprHashKey,
};

/**
 * The template is what the service's own start leaves in an empty database
 * (roles, migrations, grants): it is started there once and stopped. It serves
 * no request, so the other subgraphs it would ask are never reached.
 */
const START: Record<DatabaseService, (databaseUrl: string) => Promise<{ close(): Promise<void> }>> = {
  family: (DATABASE_URL) => startFamilyService(loadFamilyConfig({ ...TEMPLATE_ENV, DATABASE_URL })),
  employment: (DATABASE_URL) => startEmploymentService(loadEmploymentConfig({ ...TEMPLATE_ENV, DATABASE_URL })),
  health: (DATABASE_URL) => startHealthService(loadHealthConfig({ ...TEMPLATE_ENV, DATABASE_URL })),
  economy: (DATABASE_URL) => startEconomyService(loadEconomyConfig({ ...TEMPLATE_ENV, DATABASE_URL })),
  reminders: (DATABASE_URL) => startNotificationsSubgraph(loadRemindersConfig({ ...TEMPLATE_ENV, DATABASE_URL })),
};

/** The service's migrated schema as a database template (see `createTestDatabase`). */
export function serviceTemplate(service: DatabaseService): DatabaseTemplate {
  return {
    fingerprint: migrationFingerprint(service),
    build: async (url) => {
      const running = await START[service](url);
      await running.close();
    },
  };
}

/**
 * A fresh database for one test holding the service's migrated schema and no
 * rows: a copy of a template migrated once per change of the migrations, not a
 * migration from zero. The service's start on it still runs its (then empty)
 * migrations and grants, as on any existing database.
 */
export function createServiceTestDatabase(service: DatabaseService): Promise<TestDatabase> {
  return createTestDatabase(service, { template: serviceTemplate(service) });
}
