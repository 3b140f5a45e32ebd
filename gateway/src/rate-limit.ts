import { Redis } from 'ioredis';
import { GraphQLError } from 'graphql';
import type { Identity } from '@helhed/identity';
import type { Logger } from '@helhed/server';

/** The code of a request refused because its caller sent too many. */
export const RATE_LIMITED_CODE = 'RATE_LIMITED';

const WINDOW_MS = 60_000;

/** The URL without its password, for the log. */
const redact = (url: string) => url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');

export interface RateLimiter {
  readonly kind: 'redis' | 'memory' | 'off';
  /** Counts one request of the caller; throws RATE_LIMITED (HTTP 429) when the minute's quota is used up. */
  take(caller: Identity): Promise<void>;
  close(): Promise<void>;
}

export interface RateLimitSettings {
  /** Requests per caller (user id within a municipality) per minute; 0 turns the limit off. */
  perMinute: number;
  redisUrl?: string | undefined;
  /** Key prefix on Redis (tests use their own). */
  prefix?: string;
  /** The clock, for tests of the window. */
  now?: () => number;
}

/**
 * A fixed one-minute window per caller, keyed by the verified user id and
 * municipality. On Redis when REDIS_URL is set, so every gateway replica
 * shares the count; otherwise (development only) in this process's memory.
 * When Redis does not answer, requests are let through and a warning is
 * logged: the limit guards against abuse, it must not take the platform down.
 */
export function createRateLimiter(settings: RateLimitSettings, logger: Logger): RateLimiter {
  const now = settings.now ?? Date.now;
  const prefix = settings.prefix ?? 'helhed:rate';
  if (settings.perMinute <= 0) {
    logger.warn('RATE_LIMIT_PER_MINUTE is 0: the per-caller rate limit is off');
    return { kind: 'off', take: async () => undefined, close: async () => undefined };
  }
  const refuse = (window: number) => {
    const retryAfter = Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now()) / 1000));
    throw new GraphQLError(
      `Too many requests: at most ${settings.perMinute} a minute per user. Try again in ${retryAfter} s`,
      {
        extensions: {
          code: RATE_LIMITED_CODE,
          retryAfterSeconds: retryAfter,
          http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
        },
      },
    );
  };
  const keyOf = (caller: Identity, window: number) => `${prefix}:${caller.municipality}:${caller.userId}:${window}`;

  if (!settings.redisUrl) {
    logger.info(
      'Rate limit: REDIS_URL is not set; requests are counted in this process only (one gateway, development)',
    );
    const counts = new Map<string, number>();
    let currentWindow = -1;
    return {
      kind: 'memory',
      take: async (caller) => {
        const window = Math.floor(now() / WINDOW_MS);
        if (window !== currentWindow) {
          counts.clear();
          currentWindow = window;
        }
        const key = keyOf(caller, window);
        const count = (counts.get(key) ?? 0) + 1;
        counts.set(key, count);
        if (count > settings.perMinute) refuse(window);
      },
      close: async () => undefined,
    };
  }

  logger.info(`Rate limit: counted on Redis ${redact(settings.redisUrl)}`);
  const redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
  let reported = false;
  redis.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    logger.warn({ err: error.message }, 'Redis (rate limit) is unreachable; requests are let through uncounted');
  });
  redis.on('ready', () => (reported = false));
  const connecting = redis.connect().catch(() => undefined);
  return {
    kind: 'redis',
    take: async (caller) => {
      await connecting;
      const window = Math.floor(now() / WINDOW_MS);
      const key = keyOf(caller, window);
      let count: number;
      try {
        const results = await redis
          .multi()
          .incr(key)
          .pexpire(key, WINDOW_MS * 2)
          .exec();
        count = Number(results?.[0]?.[1] ?? 0);
      } catch (error) {
        if (!reported) logger.warn({ err: (error as Error).message }, 'rate limit not counted: Redis did not answer');
        return;
      }
      if (count > settings.perMinute) refuse(window);
    },
    close: async () => {
      await connecting;
      redis.disconnect();
    },
  };
}
