import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, isProduction } from '@helhed/config';
import { SUBGRAPHS, defaultUrlOf, type SubgraphName } from '@helhed/gateway';
import { describeError } from '@helhed/server';
import { REPO_ROOT, resolveInfrastructure, type Infrastructure } from './infrastructure';

/**
 * `npm start`: finds (or starts) PostgreSQL, Redis and SMTP, then runs the four
 * subgraphs, the gateway and the reminder worker (which serves the fifth,
 * `notifications`) as separate processes with interleaved, prefixed logs.
 *
 * All six start at once: none needs another to start (the gateway plans over
 * the committed supergraph; the worker catches up in the background once the
 * gateway answers). When all are ready it loads the demo data on first start
 * (outside production) and says "Helhed is up". Ctrl-C stops everything cleanly.
 *
 * `HELHED_PORT_BASE` (default 4000) moves every port: the gateway on the base,
 * the subgraphs on base+1…+5 (the supergraph's order), the worker's metrics on
 * 9105 + (base − 4000) unless `METRICS_PORT` is set. With
 * `HELHED_DATABASE_PREFIX` (see infrastructure.ts) a second platform — a test of
 * this launcher — runs beside a developer's without touching it.
 */
const log = (line: string) => console.log(`[platform] ${line}`);

const DEFAULT_PORT_BASE = 4000;
const DEFAULT_METRICS_PORT = 9105;
/** How long all processes together may take to become ready (six Node processes on two cores, first migrations). */
const READY_TIMEOUT_MS = 90_000;
/** How long a process may take to stop after SIGTERM before it is killed. */
const STOP_GRACE_MS = 15_000;
/**
 * Who stops when: first the gateway (it answers the requests it has, which still need the subgraphs), the
 * reminder worker (its jobs in flight finish before its `notifications` subgraph closes) and the demo data
 * loader; then the subgraphs that ask the family subgraph; the family subgraph last. So no request in flight
 * meets a process that is already gone.
 */
const STOP_ORDER = [['gateway', 'reminders', 'seed'], ['employment', 'health', 'economy'], ['family']];

interface PortPlan {
  gateway: number;
  subgraphs: Record<SubgraphName, number>;
  metrics: number;
}

function portPlan(env: NodeJS.ProcessEnv): PortPlan {
  const raw = env.HELHED_PORT_BASE ?? String(DEFAULT_PORT_BASE);
  const base = Number(raw);
  const metricsSetting = env.METRICS_PORT === undefined ? undefined : Number(env.METRICS_PORT);
  if (!/^\d+$/.test(raw) || base < 1 || base > 65535 - SUBGRAPHS.length)
    throw new ConfigError('platform', [`HELHED_PORT_BASE must be a port number, got ${JSON.stringify(raw)}`]);
  const metrics = metricsSetting ?? DEFAULT_METRICS_PORT + base - DEFAULT_PORT_BASE;
  if (!Number.isInteger(metrics) || metrics < 0 || metrics > 65535)
    throw new ConfigError('platform', [`the worker's metrics port would be ${metrics}: set METRICS_PORT`]);
  const shift = base - DEFAULT_PORT_BASE;
  return {
    gateway: base,
    // The supergraph's default URLs put the subgraphs on 4001-4005; they move with the base.
    subgraphs: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, s.port + shift])) as Record<SubgraphName, number>,
    metrics,
  };
}

interface PlatformProcess {
  name: string;
  entry: string;
  /** Answers 200 when the process can serve. */
  readyUrl: string;
  env: NodeJS.ProcessEnv;
}

function processesOf(infra: Infrastructure, ports: PortPlan): PlatformProcess[] {
  const url = (name: SubgraphName) => defaultUrlOf(ports.subgraphs[name]);
  const ready = (port: number, path: string) => `http://127.0.0.1:${port}${path}`;
  const subgraphs = SUBGRAPHS.filter((s) => s.name !== 'notifications').map((s) => ({
    name: s.name,
    entry: `services/${s.name}/dist/main.js`,
    readyUrl: ready(ports.subgraphs[s.name], '/ready'),
    env: {
      DATABASE_URL: infra.databaseUrls[s.name as Exclude<SubgraphName, 'notifications'>],
      PORT: String(ports.subgraphs[s.name]),
      ...(s.name === 'family' ? {} : { FAMILY_SUBGRAPH_URL: url('family') }),
    },
  }));
  return [
    ...subgraphs,
    {
      // The reminder worker; it also serves the `notifications` subgraph.
      name: 'reminders',
      entry: 'services/reminders/dist/main.js',
      readyUrl: ready(ports.subgraphs.notifications, '/ready'),
      env: {
        DATABASE_URL: infra.databaseUrls.reminders,
        NOTIFICATIONS_PORT: String(ports.subgraphs.notifications),
        METRICS_PORT: String(ports.metrics),
        GATEWAY_URL: defaultUrlOf(ports.gateway),
        QUEUE_PREFIX: infra.prefix,
        MAIL_DIR: process.env.MAIL_DIR ?? join(REPO_ROOT, 'var', 'mail'),
        ...(infra.redisUrl ? { REDIS_URL: infra.redisUrl } : {}),
        ...(infra.smtpUrl ? { SMTP_URL: infra.smtpUrl } : {}),
      },
    },
    {
      name: 'gateway',
      entry: 'gateway/dist/main.js',
      readyUrl: ready(ports.gateway, '/health'),
      env: {
        PORT: String(ports.gateway),
        FAMILY_URL: url('family'),
        EMPLOYMENT_URL: url('employment'),
        HEALTH_URL: url('health'),
        ECONOMY_URL: url('economy'),
        NOTIFICATIONS_URL: url('notifications'),
      },
    },
  ];
}

class Stopping extends Error {}

/** Polls `url` until it answers 200; the error names the URL and what it last answered (or why it did not). */
async function waitUntilReady(url: string, timeoutMs: number, stopping: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    if (stopping()) throw new Stopping();
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = describeError(error);
    }
    if (Date.now() > deadline)
      throw new Error(`${url} did not become ready within ${timeoutMs / 1000} s (last: ${last})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main(): Promise<void> {
  let infra: Infrastructure | undefined;
  const children = new Map<string, ChildProcess>();
  let seed: ChildProcess | undefined;
  let stopping = false;

  /** Stops every process (SIGTERM, then SIGKILL after a grace period) and the embedded PostgreSQL, then exits. */
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    let exitCode = code;
    const stopOne = (name: string, child: ChildProcess) =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(kill);
          // A process still loading its code when Ctrl-C came has no handler yet and ends on the signal: clean too.
          const clean = child.exitCode === 0 || child.signalCode === 'SIGINT' || child.signalCode === 'SIGTERM';
          if (!clean && code === 0) {
            log(`${name} did not stop cleanly (${child.signalCode ?? `code ${child.exitCode}`})`);
            exitCode = 1;
          }
          resolve();
        };
        const kill = setTimeout(() => {
          log(`${name} did not stop within ${STOP_GRACE_MS / 1000} s; killing it`);
          child.kill('SIGKILL');
        }, STOP_GRACE_MS);
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      });
    const running = new Map(children);
    if (seed) running.set('seed', seed);
    for (const stage of [...STOP_ORDER, [...running.keys()].filter((n) => !STOP_ORDER.flat().includes(n))])
      await Promise.all(stage.flatMap((name) => (running.has(name) ? [stopOne(name, running.get(name)!)] : [])));
    await infra
      ?.stop()
      .catch((error: unknown) => log(`could not stop the embedded PostgreSQL: ${describeError(error)}`));
    log('stopped');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    infra = await resolveInfrastructure(process.env, log);
    const ports = portPlan(process.env);
    const processes = processesOf(infra, ports);
    if (stopping) return;
    for (const p of processes) {
      // The launcher's own settings are not the processes' (DATABASE_URL is the server, not a service's database).
      const { DATABASE_URL: _server, ...inherited } = process.env;
      // The IPC channel tells the process it runs under this launcher: Ctrl-C is left to the launcher's order
      // (STOP_ORDER), and the process stops itself should the launcher be gone (see runService).
      const child = spawn(process.execPath, [join(REPO_ROOT, p.entry)], {
        env: { ...inherited, FORCE_COLOR: process.stdout.isTTY ? '1' : '0', ...p.env },
        stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      });
      children.set(p.name, child);
      child.on('exit', (code, signal) => {
        if (stopping) return;
        log(`${p.name} exited (${signal ?? `code ${code}`}); stopping the platform`);
        void stopAll(1);
      });
    }
    await Promise.all(processes.map((p) => waitUntilReady(p.readyUrl, READY_TIMEOUT_MS, () => stopping)));

    if (!isProduction()) {
      seed = spawn(process.execPath, [join(__dirname, 'seed.js'), '--quiet'], {
        env: { ...process.env, LOG_LEVEL: 'warn' },
        stdio: 'inherit',
      });
      const running = seed;
      const code = await new Promise<number | null>((resolve) => running.once('exit', (c) => resolve(c)));
      seed = undefined;
      if (stopping) return;
      if (code !== 0) log(`loading the demo data failed (code ${code}, see above); the platform runs on without it`);
    }
    log(
      `Helhed is up: GraphQL at ${defaultUrlOf(ports.gateway)} — get a token with \`npm run token\`, see README.md. Ctrl-C stops.`,
    );
  } catch (error) {
    if (stopping) return; // what stopped the start has said so
    console.error(error instanceof ConfigError ? error.message : `[platform] failed to start: ${describeError(error)}`);
    await stopAll(1);
  }
}

void main();
