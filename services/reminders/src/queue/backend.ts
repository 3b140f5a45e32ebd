import { createPostgresBackend, createRedisBackend, type BackendFactory, type IQueueBackend } from 'bullmq';
import { Redis } from 'ioredis';
import { redact } from '@helhed/db';
import type { Logger } from '@helhed/server';

/** The PostgreSQL schema BullMQ keeps its tables in when it runs on the worker's database. */
export const POSTGRES_QUEUE_SCHEMA = 'bullmq';

/** BullMQ's key prefix on Redis. */
export const DEFAULT_QUEUE_PREFIX = 'helhed';

/** A backend factory whose connection type is erased, so Redis and PostgreSQL queues share one type. */
export type AnyBackendFactory = BackendFactory<IQueueBackend, unknown>;

export interface QueueBackendSettings {
  REDIS_URL?: string | undefined;
  /** BullMQ's key prefix on Redis (`DEFAULT_QUEUE_PREFIX` when unset); an explicit `prefix` option wins. */
  QUEUE_PREFIX?: string | undefined;
  DATABASE_URL: string;
}

/**
 * Where the queue lives: Redis (ioredis) when REDIS_URL is set, otherwise
 * BullMQ's PostgreSQL backend on the worker's own database. The connections
 * handed out here are owned by this object and closed by `close()`, after the
 * queues and workers that use them are closed.
 */
export interface QueueBackend {
  readonly kind: 'redis' | 'postgres';
  readonly factory: AnyBackendFactory;
  /** Options for a Queue (`role: 'queue'`) or a Worker (`role: 'worker'`). */
  options(role: 'queue' | 'worker'): { connection: unknown; prefix?: string };
  /**
   * Calls `listener` whenever a connection is ready again after it was lost
   * (Redis restarted or unreachable for a while: it may have come back empty).
   */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

export function createQueueBackend(
  settings: QueueBackendSettings,
  logger: Logger,
  options: { prefix?: string } = {},
): QueueBackend {
  if (settings.REDIS_URL)
    return redisBackend(settings.REDIS_URL, options.prefix ?? settings.QUEUE_PREFIX ?? DEFAULT_QUEUE_PREFIX, logger);
  logger.info(
    `REDIS_URL is not set: the queue runs on PostgreSQL (BullMQ's PostgreSQL backend, schema ${POSTGRES_QUEUE_SCHEMA}) in ${redact(settings.DATABASE_URL)}`,
  );
  return postgresBackend(settings.DATABASE_URL);
}

function redisBackend(url: string, prefix: string, logger: Logger): QueueBackend {
  const clients: Redis[] = [];
  const reconnectListeners: Array<() => void> = [];
  const client = (role: 'queue' | 'worker') => {
    // A worker's connection must retry forever (BullMQ requires it for blocking
    // commands); a producer's fails fast so enqueueing reports a Redis outage.
    const redis = new Redis(url, role === 'worker' ? { maxRetriesPerRequest: null } : {});
    let reported = false;
    let readyBefore = false;
    redis.on('error', (error: Error) => {
      if (reported) return;
      reported = true;
      logger.warn({ err: error.message }, `Redis (${role}) is unreachable; retrying`);
    });
    redis.on('ready', () => {
      reported = false;
      if (readyBefore) {
        logger.info(`Redis (${role}) is reachable again`);
        reconnectListeners.forEach((listener) => listener());
      }
      readyBefore = true;
    });
    clients.push(redis);
    return redis;
  };
  return {
    kind: 'redis',
    factory: createRedisBackend as unknown as AnyBackendFactory,
    options: (role) => ({ connection: client(role), prefix }),
    onReconnect: (listener) => reconnectListeners.push(listener),
    async close() {
      await Promise.all(clients.splice(0).map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}

function postgresBackend(url: string): QueueBackend {
  return {
    kind: 'postgres',
    factory: createPostgresBackend as unknown as AnyBackendFactory,
    // Each Queue/Worker builds and owns its pool (closed with it); `migrate`
    // brings BullMQ's schema up to date under its advisory lock.
    options: () => ({ connection: { connectionString: url, schema: POSTGRES_QUEUE_SCHEMA, migrate: true, max: 4 } }),
    // The queue's tables live in the worker's own database: nothing comes back empty on a reconnect.
    onReconnect: () => undefined,
    async close() {},
  };
}
