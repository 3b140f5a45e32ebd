import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { withDatabase } from '@helhed/db';
import { loadGatewayConfig } from '@helhed/gateway';
import { postGraphQL, queryDatabase, TEST_SERVER_URL } from '@helhed/testing';
import { demoCaseworker } from './demo-data';
import { GraphClient } from './graph-client';
import { REPO_ROOT, serviceDatabases } from './infrastructure';

/**
 * `npm start`'s launcher as a new user runs it, on fresh databases, with the clock at 10:00
 * Copenhagen time on a business day — after the digest hour, with no run
 * recorded, so the reminder worker's start-up catch-up has to read the gateway
 * that starts beside it. The platform comes up, answers through the gateway, the
 * worker catches up once the gateway answers, and Ctrl-C (SIGINT to the process
 * group, as a terminal sends it) ends it with `[platform] stopped`, exit 0, no
 * ERROR line and nothing left running.
 *
 * It runs beside a developer's `npm start` and other tests: its own ports
 * (HELHED_PORT_BASE, METRICS_PORT), its own database names (HELHED_DATABASE_PREFIX,
 * also the queue's Redis key prefix), a temporary MAIL_DIR; all removed afterwards.
 */
const MONDAY_10 = '2026-12-07T10:00:00+01:00';
const DAY = '2026-12-07';
/** Unset, the launcher finds the local Redis as it does for a new user (and gives it to the worker only). */
const TEST_REDIS_URL = process.env.TEST_REDIS_URL;
const prefix = `helhed_test_start_${randomBytes(4).toString('hex')}`;
const databases = serviceDatabases(prefix);

let platform: ChildProcess | undefined;
let mailDir: string;
let output = '';
let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

/** Resolves with the first match of `pattern` in the output; fails (with the output) if the launcher exits first. */
function outputMatch(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(output);
      if (match) return done(() => resolve(match));
      if (platform && (platform.exitCode !== null || platform.signalCode !== null))
        return done(() => reject(new Error(`npm start ended before ${pattern}:\n${output}`)));
    };
    const timer = setTimeout(
      () => done(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`))),
      timeoutMs,
    );
    const interval = setInterval(check, 100);
    const done = (then: () => void) => {
      clearTimeout(timer);
      clearInterval(interval);
      then();
    };
    check();
  });
}

/**
 * Seven consecutive free ports (gateway, five subgraphs, the worker's metrics) below Linux's ephemeral range
 * (32768-60999), where neither outgoing connections nor other tests' port-0 servers take one meanwhile.
 */
async function freePortBase(): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
    });
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + randomInt(12_000);
    let all = true;
    for (let port = base; port < base + 7 && all; port++) all = await free(port);
    if (all) return base;
  }
  throw new Error('no seven consecutive free ports between 20000 and 32006');
}

/** Whether any process of the launcher's group is still running. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  mailDir = await mkdtemp(join(tmpdir(), 'helhed-start-mail-'));
  const {
    NODE_ENV: _jest,
    HELHED_NOW: _now,
    HELHED_PORT_BASE: _ports,
    METRICS_PORT: _metrics,
    SMTP_URL: _smtp,
    REDIS_URL: _redis,
    ...inherited
  } = process.env;
  // `npm start` is `tsc -b && node packages/devstack/dist/start.js`: the build first (quick when up to date), so
  // the launcher run is the code under test. Then the launcher in its own process group (detached): the SIGINT
  // below reaches every process of it, as Ctrl-C in a terminal does.
  await new Promise<void>((resolve, reject) => {
    const tsc = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '-b'], {
      cwd: REPO_ROOT,
      stdio: 'pipe',
    });
    let log = '';
    for (const stream of [tsc.stdout, tsc.stderr]) stream.on('data', (chunk: Buffer) => (log += chunk.toString()));
    tsc.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tsc -b failed:\n${log}`))));
  });
  const ports = await freePortBase();
  platform = spawn(process.execPath, [join(REPO_ROOT, 'packages', 'devstack', 'dist', 'start.js')], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...inherited,
      HELHED_NOW: MONDAY_10,
      HELHED_PORT_BASE: String(ports),
      METRICS_PORT: String(ports + 6),
      HELHED_DATABASE_PREFIX: prefix,
      DATABASE_URL: TEST_SERVER_URL,
      ...(TEST_REDIS_URL ? { REDIS_URL: TEST_REDIS_URL } : {}),
      MAIL_DIR: mailDir,
    },
  });
  const child = platform;
  exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  for (const stream of [child.stdout!, child.stderr!])
    stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
}, 120_000);

afterAll(async () => {
  if (platform?.pid && groupAlive(platform.pid)) process.kill(-platform.pid, 'SIGKILL');
  const admin = new Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  try {
    for (const name of Object.values(databases)) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const redis = new Redis(TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  await rm(mailDir, { recursive: true, force: true });
});

it('comes up on fresh databases at 10:00 on a business day, answers, catches up, and stops cleanly on Ctrl-C', async () => {
  const [, gatewayUrl] = await outputMatch(/Helhed is up: GraphQL at (\S+)/, 150_000);

  // README's first query: the demo jobcenter caseworker reads a family with fields from all four subgraphs;
  // Freja's cost is refused him (no consent covers ECONOMY for the jobcenter) and nothing else is.
  const gateway = loadGatewayConfig({});
  const graph = new GraphClient(gatewayUrl!, {
    issuer: gateway.JWT_ISSUER,
    audience: gateway.JWT_AUDIENCE,
    secret: gateway.JWT_SECRET,
  });
  const soeren = await demoCaseworker(graph, 'JOBCENTER');
  const answer = await postGraphQL(
    gatewayUrl!,
    `{ familyByCaseReference(caseReference: "VEJ-2026-0001") { caseReference
      members { firstName benefitPeriods { type } healthAssessments { assessedOn } monthlyBenefitCost(month: "2026-11") { total { ore } } } } }`,
    {},
    { authorization: `Bearer ${await graph.token(soeren)}` },
  );
  expect(answer.data?.familyByCaseReference?.caseReference).toBe('VEJ-2026-0001');
  const members = answer.data?.familyByCaseReference?.members as Array<Record<string, unknown>>;
  expect(JSON.stringify(members)).toContain('"KONTANTHJAELP"');
  expect(members.some((m) => Array.isArray(m.healthAssessments))).toBe(true);
  expect(members.some((m) => m.monthlyBenefitCost !== null)).toBe(true);
  expect([...new Set(answer.errors?.map((e) => e.extensions?.code))]).toEqual(['FORBIDDEN']);

  // The worker's start-up catch-up ran the day once the gateway answered: the run is recorded, and any digest
  // it built is sent (here as .eml files).
  const remindersDb = withDatabase(TEST_SERVER_URL, databases.reminders);
  const [run] = await eventually(async () => {
    const rows = await queryDatabase<{ municipality_code: string; day: string; digests: number }>(
      remindersDb,
      `SELECT municipality_code, to_char(day, 'YYYY-MM-DD') AS day, digests FROM digest_run`,
    );
    return rows.length > 0 ? rows : undefined;
  }, 60_000);
  expect(run).toMatchObject({ municipality_code: '630', day: DAY });
  if (run!.digests > 0)
    await eventually(async () => ((await readdir(mailDir)).length >= run!.digests ? true : undefined), 30_000);
  expect(output).not.toMatch(/failed to start|exited \(|fetch failed$/m);

  // Ctrl-C: the terminal signals the whole process group.
  process.kill(-platform!.pid!, 'SIGINT');
  expect(await exited).toEqual({ code: 0, signal: null });
  expect(output).toMatch(/\[platform\] stopped\s*$/);
  expect(output.split('\n').filter((line) => /\b(ERROR|FATAL)\b/.test(line))).toEqual([]);
  // Nothing of the platform is left running.
  await eventually(async () => (groupAlive(platform!.pid!) ? undefined : true), 5000);
}, 240_000);
