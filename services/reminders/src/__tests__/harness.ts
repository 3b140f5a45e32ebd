import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import pino from 'pino';
import type { Logger } from '@helhed/server';
import { readableMail } from '@helhed/testing';
import { loadRemindersConfig, type RemindersConfig } from '../config';
import type { CaseworkerRef, DueSnapshot, DueSource, FollowUpDue, PersonMonthDue } from '../due/due';
import type { RemindersQueue } from '../queue/reminders-queue';

/** The Redis the tests run against (a real one). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function testConfig(env: Record<string, string | undefined>): RemindersConfig {
  return loadRemindersConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', METRICS_PORT: '0', ...env });
}

/** A BullMQ key prefix of its own, so test runs never see each other's jobs. */
export const uniquePrefix = () => `helhed-test-${randomBytes(5).toString('hex')}`;

/** A unique delivery key. */
export const uniqueKey = (label: string) => `test.${label}.${randomBytes(4).toString('hex')}`;

/** Removes every Redis key under a prefix (after the queue was obliterated, for anything left over). */
export async function deleteRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

/** A logger that keeps its lines (parsed) for assertions. */
export function capturingLogger(): { logger: Logger; lines: Array<{ msg: string; level: number }> } {
  const lines: Array<{ msg: string; level: number }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines };
}

export const silentLogger = (): Logger => pino({ level: 'silent' });

/** Polls until `check` returns a value other than undefined/false. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function waitForJobState(queue: RemindersQueue, jobId: string, state: string, timeoutMs = 10_000) {
  return eventually(async () => {
    if ((await queue.getJobState(jobId)) !== state) return undefined;
    // Read the job after its state was seen, so its fields (attemptsMade, returnvalue, …) belong to that state.
    return queue.getJob(jobId);
  }, timeoutMs);
}

/** A local TCP port nothing listens on (yet). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Makes `targetPort` answer on `port` from now on: an SMTP server "coming back" on its usual address. */
export async function forwardPort(port: number, targetPort: number): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

/** The parts of a captured message a test checks: recipient, subject, plain-text body, ids (decoded as the suite's mail check reads them). */
export function readMail(raw: string): {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  deliveryKey: string;
} {
  const { headers, parts } = readableMail(raw);
  return {
    to: headers['to'] ?? '',
    subject: headers['subject'] ?? '',
    text: (parts[0] ?? '').replace(/\n$/, ''),
    messageId: headers['message-id'] ?? '',
    deliveryKey: headers['x-helhed-delivery-key'] ?? '',
  };
}

/**
 * What is due from fixtures instead of the gateway: follow-ups, registration
 * months with their deadlines and caseworkers. Reads are counted.
 */
export class FixtureDueSource implements DueSource {
  reads = 0;
  constructor(
    public snapshot: DueSnapshot = { followUps: [], registrations: [] },
    public caseworkerList: CaseworkerRef[] = [],
  ) {}

  async followUpsDue(_municipality: string, until: string): Promise<FollowUpDue[]> {
    this.reads += 1;
    return this.snapshot.followUps.filter((f) => f.dueOn <= until);
  }
  async registrationDeadline(_municipality: string, month: string): Promise<string> {
    const found = this.snapshot.registrations.find((r) => r.month === month);
    // Months without fixtures get a deadline far away, so no rule fires for them.
    return found?.deadline ?? '2099-12-31';
  }
  async registrationMonths(_municipality: string, month: string): Promise<PersonMonthDue[]> {
    return this.snapshot.registrations.find((r) => r.month === month)?.members ?? [];
  }
  async caseworkers(_municipality: string, ids: string[]): Promise<CaseworkerRef[]> {
    return this.caseworkerList.filter((c) => ids.includes(c.id));
  }
}

/**
 * A Redis server of the test's own on a free port, without persistence, in a
 * temporary directory: the only kind a test may FLUSHALL. `restart()` kills it
 * and starts it again on the same port, empty (a Redis that lost everything);
 * `stop()` ends it (this process started it) and removes the directory.
 */
export async function startOwnRedis(): Promise<{
  url: string;
  port: number;
  restart(): Promise<void>;
  stop(): Promise<void>;
}> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'helhed-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  const launch = async () => {
    const proc = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: 'ignore' },
    );
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await eventually(async () => {
        try {
          if (probe.status !== 'ready') await probe.connect();
          return (await probe.ping()) === 'PONG';
        } catch {
          probe.disconnect();
          return false;
        }
      }, 10_000);
    } finally {
      probe.disconnect();
    }
    return async () => {
      proc.kill('SIGKILL');
      await exited;
    };
  };
  let kill = await launch();
  return {
    url,
    port,
    async restart() {
      await kill();
      kill = await launch();
    },
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The reminder service's build (`dist/service.js`) when it is up to date with
 * every source file (each compiled file at least as new as its source), else
 * undefined: child processes then run the sources through ts-node.
 */
export function freshServiceBuild(): string | undefined {
  const src = join(__dirname, '..');
  const dist = join(src, '..', 'dist');
  const stale = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name !== '__tests__' && stale(path);
      if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) return false;
      const built = join(dist, path.slice(src.length).replace(/\.ts$/, '.js'));
      return !existsSync(built) || statSync(built).mtimeMs < statSync(path).mtimeMs;
    });
  return stale(src) ? undefined : join(dist, 'service.js');
}
