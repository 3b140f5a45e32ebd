import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { createTestDatabase, startSmtpCapture, type SmtpCapture, type TestDatabase } from '@helhed/testing';
import { morningOf } from '../__tests__/easter-week';
import {
  FixtureDueSource,
  eventually,
  freshServiceBuild,
  silentLogger,
  startOwnRedis,
  testConfig,
  uniquePrefix,
} from '../__tests__/harness';
import { manyDue } from '../__tests__/many-due';
import { startRemindersWorker, type RemindersWorkerOptions, type RunningRemindersWorker } from '../service';
import { digestMessageId } from './digest-delivery';

/**
 * The reminder pipeline under faults, each round against real PostgreSQL, a
 * Redis of the test's own (FLUSHALL is only ever sent to it) and an SMTP server
 * the test controls, counting what arrives by Message-ID:
 * - kill -9 of the worker (a child process) at 10 random points of a 100-digest
 *   run, restarted after each: none lost; duplicates (same Message-ID) only from
 *   kills that fell between the server's acceptance and the SENT commit;
 * - Redis FLUSHALL mid-run: all delivered within 2 reconciliation periods, no restart;
 * - SMTP down longer than every retry (the whole day FAILED, transient): all
 *   delivered once it is back; a 5xx rejection is not retried;
 * - Redis restarted empty: the reconnect alone brings the jobs and schedulers back;
 * - a run left PENDING at 23:59 with its jobs lost: delivered after midnight;
 *   digests older than the window become FAILED (EXPIRED) for the operator.
 * Retry delays and the reconciliation period are shortened: the properties are
 * tested, not the wall-clock minutes. The figures are printed at the end
 * (FAULT_SEED=<n> replays the kill points).
 */
jest.setTimeout(240_000);

const DAY = '2026-04-13'; // a Monday; the business day before is Friday 10 April
const N = 100;
const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));

let redis: Awaited<ReturnType<typeof startOwnRedis>>;
let flusher: Redis;
let db: TestDatabase | undefined;
let pg: Client | undefined;
let smtp: SmtpCapture | undefined;
let worker: RunningRemindersWorker | undefined;
const children = new Set<ChildProcess>();
const figures: string[] = [];

beforeAll(async () => {
  redis = await startOwnRedis();
  flusher = new Redis(redis.url);
});

afterEach(async () => {
  for (const c of children) c.kill('SIGKILL');
  children.clear();
  await worker?.close().catch(() => undefined);
  worker = undefined;
  await smtp?.close();
  await pg?.end();
  await db?.drop();
  await flusher.flushall(); // the test's own Redis
});

afterAll(async () => {
  flusher?.disconnect();
  await redis?.stop();
  console.log(
    [
      `Reminder fault rounds (seed ${SEED}):`,
      'round                | digests | lost | duplicated | kills (in acceptance window) | delay to full delivery',
      ...figures,
    ].join('\n'),
  );
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small seeded PRNG (mulberry32), so a failing round can be replayed with FAULT_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function fresh(options: Parameters<typeof startSmtpCapture>[0] = {}) {
  db = await createTestDatabase('reminders_faults');
  pg = new Client({ connectionString: db.url });
  await pg.connect();
  smtp = await startSmtpCapture(options);
}

type Row = { key: string; day: string; status: string; failureKind: string | null; lastError: string | null };
async function rows(day = DAY): Promise<Row[]> {
  // The table has its columns once the first worker migrated the database.
  const migrated = await pg!.query(
    `SELECT 1 FROM information_schema.columns WHERE table_name = 'digest' AND column_name = 'failure_kind'`,
  );
  if (migrated.rows.length === 0) return [];
  return (
    await pg!.query(
      `SELECT delivery_key AS key, day::text AS day, status, failure_kind AS "failureKind", last_error AS "lastError"
         FROM digest WHERE day = $1 ORDER BY delivery_key`,
      [day],
    )
  ).rows;
}

/** Lost: a digest of the day the server never accepted. Duplicated: acceptances beyond the first, by Message-ID. */
async function tally(expected: number, day = DAY) {
  const all = await rows(day);
  const accepted = smtp!.acceptedById();
  const lost = expected - all.filter((r) => accepted.has(digestMessageId(r.key))).length;
  const duplicated = [...accepted.values()].reduce((sum, n) => sum + n - 1, 0);
  return { lost, duplicated, sent: all.filter((r) => r.status === 'SENT').length };
}

const allSent = (expected: number, timeoutMs: number, day = DAY) =>
  eventually(async () => (await rows(day)).filter((r) => r.status === 'SENT').length === expected, timeoutMs);

function record(round: string, digests: number, t: { lost: number; duplicated: number }, kills: string, delay: string) {
  figures.push(
    `${round.padEnd(20)} | ${String(digests).padStart(7)} | ${String(t.lost).padStart(4)} | ${String(t.duplicated).padStart(10)} | ${kills.padEnd(28)} | ${delay}`,
  );
}

async function startWorker(options: Partial<RemindersWorkerOptions> & { source: FixtureDueSource; now: () => Date }) {
  const { source, ...rest } = options;
  worker = await startRemindersWorker(
    testConfig({ DATABASE_URL: db!.url, REDIS_URL: redis.url, SMTP_URL: smtp!.url }),
    {
      logger: silentLogger(),
      prefix: uniquePrefix(),
      dueSource: source,
      reconcileAtStart: false,
      retryDelayMs: 20,
      concurrency: 8,
      ...rest,
    },
  );
  return worker;
}

interface Child {
  proc: ChildProcess;
  exited: Promise<void>;
  dead: boolean;
}

it('kill -9 at 10 random points of a 100-digest run: none lost, duplicates only from kills in the acceptance window', async () => {
  const rng = random(SEED);
  type Kill = 'before acceptance' | 'accepted, unheard' | 'after acceptance';
  const ways: Kill[] = ['before acceptance', 'accepted, unheard', 'after acceptance'];
  // 10 offers among the first 90 (at least 4 apart, so each kill hits a new process), each with a way to die.
  const points = new Map<number, Kill>();
  while (points.size < 10) {
    const offer = 1 + Math.floor(rng() * 90);
    if ([...points.keys()].every((p) => Math.abs(p - offer) >= 4)) points.set(offer, ways[Math.floor(rng() * 3)]!);
  }
  let current: Child | undefined;
  const die = async (victim: Child | undefined) => {
    victim?.proc.kill('SIGKILL');
    await victim?.exited;
  };
  await fresh({
    beforeReply: async (offer) => {
      await sleep(3); // the server's own think time, which spreads the run out
      const way = points.get(offer);
      if (way === 'before acceptance') {
        // The worker dies before the server answers; the server then gives up on the message.
        await die(current);
        return { responseCode: 421, message: 'Connection lost' };
      }
      // The worker dies; the server keeps the message, but its answer reaches no one.
      if (way === 'accepted, unheard') await die(current);
      return undefined;
    },
    onAccepted: () => {
      // The worker dies a random 0-15 ms after the server accepted: while marking it SENT, or a little later.
      if (points.get(smtp!.offered) !== 'after acceptance') return;
      const victim = current;
      setTimeout(() => void die(victim), Math.floor(rng() * 16));
    },
  });
  const prefix = uniquePrefix();
  const build = freshServiceBuild();
  // Each process loads its modules ahead, on standby; a restart tells the next one to start its worker.
  const spawnChild = (): Child => {
    const proc = fork(join(__dirname, '..', '__tests__', 'worker-child.ts'), [], {
      execArgv: ['-r', 'ts-node/register/transpile-only'],
      env: {
        ...process.env,
        DATABASE_URL: db!.url,
        REDIS_URL: redis.url,
        SMTP_URL: smtp!.url,
        QUEUE_PREFIX: prefix,
        CHILD_DAY: DAY,
        CHILD_MANY: String(N),
        CHILD_NOW: morningOf(DAY, 60).toISOString(),
        // Reconciliation at start (the first one catches the day up) and every second.
        CHILD_RECONCILE_MS: '1000',
        CHILD_STANDBY: '1',
        ...(build ? { CHILD_SERVICE_MODULE: build } : {}),
        TS_NODE_PROJECT: join(__dirname, '..', '..', 'tsconfig.json'),
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    children.add(proc);
    const child: Child = { proc, dead: false, exited: undefined as unknown as Promise<void> };
    child.exited = new Promise<void>((resolve) =>
      proc.once('exit', () => {
        child.dead = true;
        children.delete(proc);
        resolve();
      }),
    );
    return child;
  };
  const standby = [spawnChild(), spawnChild()];
  const startChild = (): Child => {
    const next = standby.shift()!;
    next.proc.send('go');
    standby.push(spawnChild());
    return next;
  };

  const started = Date.now();
  let restartedAt = started;
  let kills = 0;
  let inWindow = 0;
  // Per key: how many times the server had accepted it when it was last seen SENDING at a kill.
  const seenSending = new Map<string, number>();
  current = startChild();
  for (;;) {
    if (current.dead) {
      kills += 1;
      // In the acceptance window: a row still SENDING that the server accepted (again) since the last look.
      const accepted = smtp!.acceptedById();
      let hit = false;
      for (const r of (await rows()).filter((row) => row.status === 'SENDING')) {
        const count = accepted.get(digestMessageId(r.key)) ?? 0;
        if (count > (seenSending.get(r.key) ?? 0)) hit = true;
        seenSending.set(r.key, count);
      }
      if (hit) inWindow += 1;
      current = startChild();
      restartedAt = Date.now();
      continue;
    }
    const sent = (await rows()).filter((r) => r.status === 'SENT').length;
    if (sent === N && smtp!.offered >= Math.max(...points.keys())) break;
    if (Date.now() - started > 200_000) throw new Error(`after 90 s: ${sent} of ${N} sent, ${kills} kills`);
    await sleep(50);
  }
  const done = Date.now();
  const t = await tally(N);
  record(
    'kill -9 ×10',
    N,
    t,
    `${kills} (${inWindow})`,
    `${((done - restartedAt) / 1000).toFixed(1)} s after the last restart (run ${((done - started) / 1000).toFixed(1)} s)`,
  );
  expect(kills).toBe(10);
  expect(t.lost).toBe(0);
  expect(t.sent).toBe(N);
  expect(t.duplicated).toBeLessThanOrEqual(inWindow);
  // Every duplicate was counted by the worker as a resend after an interrupted attempt.
  const resends = Number((await pg!.query('SELECT sum(resends)::int AS n FROM digest')).rows[0].n);
  expect(resends).toBeGreaterThanOrEqual(t.duplicated);
});

it('Redis FLUSHALL mid-run: every digest delivered within 2 reconciliation periods, without a restart', async () => {
  const PERIOD = 5000;
  let flushedAt = 0;
  await fresh({
    beforeReply: async (offer) => {
      await sleep(10);
      if (offer === 30) {
        flushedAt = Date.now();
        await flusher.flushall(); // the test's own Redis: the waiting jobs and both schedulers are gone
      }
      return undefined;
    },
  });
  const due = manyDue(N, DAY);
  const running = await startWorker({
    source: new FixtureDueSource(due.snapshot, due.caseworkers),
    now: () => morningOf(DAY, 60),
    reconcileIntervalMs: PERIOD,
  });
  await running.runDay(DAY);
  await eventually(async () => flushedAt > 0, 20_000);
  await allSent(N, 4 * PERIOD + 5_000);
  const delay = Date.now() - flushedAt;
  const t = await tally(N);
  record('FLUSHALL mid-run', N, t, '-', `${(delay / 1000).toFixed(1)} s after the flush (period ${PERIOD / 1000} s)`);
  expect(t).toEqual({ lost: 0, duplicated: 0, sent: N });
  expect(delay).toBeLessThanOrEqual(2 * PERIOD);
  // The reconciliation put both schedulers back.
  expect(await running.queue.getJobSchedulersCount()).toBe(2);
});

it('SMTP down longer than every retry: the day FAILED (transient) is delivered once the server is back; a 5xx is not retried', async () => {
  const PERIOD = 4000;
  const COUNT = 60;
  const due = manyDue(COUNT, DAY);
  const rejected = due.caseworkers[7]!.email;
  let rejectedOffers = 0;
  await fresh({
    beforeReply: (_offer, raw) => {
      if (!raw.includes(rejected)) return undefined;
      rejectedOffers += 1;
      return { responseCode: 550, message: 'No such mailbox' };
    },
  });
  await smtp!.down();
  const running = await startWorker({
    source: new FixtureDueSource(due.snapshot, due.caseworkers),
    now: () => morningOf(DAY, 60),
    reconcileIntervalMs: PERIOD,
  });
  await running.runDay(DAY);
  // Down for longer than every attempt: each digest used up its 5 (FAILED, transient), and a reconciliation
  // re-opened them into another round that fails too.
  const counter = async (name: string) =>
    Number((await running.metrics.registry.getSingleMetricAsString(name)).split(' ').pop());
  await eventually(async () => (await counter('helhed_digests_failed_total')) >= COUNT, 60_000);
  const failedRows = (await rows()).filter((r) => r.status === 'FAILED');
  expect(failedRows.length).toBeGreaterThan(0);
  expect(failedRows.every((r) => r.failureKind === 'TRANSIENT' && /ECONNREFUSED/.test(r.lastError ?? ''))).toBe(true);
  await eventually(async () => (await counter('helhed_digests_reopened_total')) >= COUNT, 3 * PERIOD);
  expect(smtp!.offered).toBe(0);
  await smtp!.up();
  const back = Date.now();
  await allSent(COUNT - 1, 6 * PERIOD);
  const delay = Date.now() - back;
  await sleep(PERIOD + 500); // one more reconciliation: the permanent rejection stays as it is
  const t = await tally(COUNT);
  record(
    'SMTP down (refused)',
    COUNT,
    t,
    '-',
    `${(delay / 1000).toFixed(1)} s after it was back (period ${PERIOD / 1000} s)`,
  );
  expect(t).toEqual({ lost: 1, duplicated: 0, sent: COUNT - 1 });
  const [permanent] = (await rows()).filter((r) => r.status !== 'SENT');
  expect(permanent).toMatchObject({ status: 'FAILED', failureKind: 'PERMANENT' });
  expect(rejectedOffers).toBe(1);
  expect(delay).toBeLessThanOrEqual(2 * PERIOD);
});

it('a run left PENDING over midnight is delivered the next day; digests older than the window become FAILED (EXPIRED)', async () => {
  const OLD = '2026-04-07'; // in the 5-business-day window on Monday 13 April, not on Tuesday 14 April
  let now = new Date('2026-04-13T23:59:00+02:00');
  await fresh();
  const old = manyDue(10, OLD, 'old');
  const due = manyDue(N, DAY);
  const source = new FixtureDueSource(old.snapshot, old.caseworkers);
  const running = await startWorker({ source, now: () => now, reconcileIntervalMs: 2000 });
  // Nothing is sent before midnight: the queue is paused (in Redis, so the flush below also ends the pause).
  await running.queue.pause();
  await running.runDay(OLD);
  source.snapshot = due.snapshot;
  source.caseworkerList = due.caseworkers;
  await running.runDay(DAY);
  expect((await rows()).every((r) => r.status === 'PENDING')).toBe(true);
  // Midnight passes with the digests still PENDING. Once a reconciliation of the new day gave up on the old ones,
  // the jobs are lost too (the test's own Redis; the flush also ends the pause).
  now = new Date('2026-04-14T00:01:00+02:00');
  const midnight = Date.now();
  const expiredTotal = async () =>
    Number((await running.metrics.registry.getSingleMetricAsString('helhed_digests_expired_total')).split(' ').pop());
  await eventually(async () => (await expiredTotal()) >= 10, 15_000);
  await flusher.flushall();
  await allSent(N, 30_000);
  const delay = Date.now() - midnight;
  const t = await tally(N);
  record('PENDING over midnight', N, t, '-', `${(delay / 1000).toFixed(1)} s after midnight (period 2 s)`);
  expect(t).toEqual({ lost: 0, duplicated: 0, sent: N });
  // Nothing for Tuesday before its digest hour, and the 10 from 7 April are given up, visibly.
  expect(await rows('2026-04-14')).toEqual([]);
  const expired = await rows(OLD);
  expect(expired).toHaveLength(10);
  expect(expired.map((r) => `${r.status} ${r.failureKind}`)).toEqual(Array(10).fill('FAILED EXPIRED'));
  expect(expired[0]!.lastError).toMatch(/Not sent within 5 business days/);
  expect((await running.store.failed('630')).filter((d) => d.day === OLD)).toHaveLength(10);
  expect(await running.metrics.registry.getSingleMetricAsString('helhed_digests_expired_total')).toMatch(/ 10$/m);
  expect(smtp!.mails.filter((m) => m.to[0]!.startsWith('cw-old-'))).toEqual([]);
});

it('Redis restarted empty: the reconnect re-creates the schedulers and the jobs at once, without waiting for a period', async () => {
  const COUNT = 30;
  await fresh();
  const due = manyDue(COUNT, DAY);
  const running = await startWorker({
    source: new FixtureDueSource(due.snapshot, due.caseworkers),
    now: () => morningOf(DAY, 60),
    reconcileIntervalMs: 600_000, // the timer stays out of it
  });
  await running.worker.pause();
  await running.runDay(DAY);
  const restarted = Date.now();
  await redis.restart(); // the jobs and both schedulers are gone with it
  running.worker.resume();
  await allSent(COUNT, 30_000);
  const delay = Date.now() - restarted;
  const t = await tally(COUNT);
  record('Redis restart, empty', COUNT, t, '-', `${(delay / 1000).toFixed(1)} s after the restart (period 600 s)`);
  expect(t).toEqual({ lost: 0, duplicated: 0, sent: COUNT });
  expect(await running.queue.getJobSchedulersCount()).toBe(2);
});
