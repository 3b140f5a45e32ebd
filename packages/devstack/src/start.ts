import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, isProduction } from '@helhed/config';
import { SUBGRAPHS } from '@helhed/gateway';
import { REPO_ROOT, resolveInfrastructure, type Infrastructure } from './infrastructure';

/**
 * `npm start`: finds (or starts) PostgreSQL, Redis and SMTP, then runs the four
 * subgraphs, the gateway and the reminder worker (which serves the fifth,
 * `notifications`) as separate processes with
 * interleaved, prefixed logs. Outside production it loads the demo data on
 * first start. Ctrl-C stops everything cleanly.
 */
const log = (line: string) => console.log(`[platform] ${line}`);

const PROCESSES = [
  ...SUBGRAPHS.filter((s) => s.name !== 'notifications').map((s) => ({
    name: s.name,
    entry: `services/${s.name}/dist/main.js`,
    port: s.port,
  })),
  // The reminder worker; it also serves the `notifications` subgraph (port 4005).
  { name: 'reminders', entry: 'services/reminders/dist/main.js', port: 4005 },
  { name: 'gateway', entry: 'gateway/dist/main.js', port: 4000 },
] as const;

function envFor(name: string, infra: Infrastructure): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' };
  if (name in infra.databaseUrls) env.DATABASE_URL = infra.databaseUrls[name as keyof Infrastructure['databaseUrls']];
  else delete env.DATABASE_URL;
  if (name === 'reminders') {
    if (infra.redisUrl) env.REDIS_URL = infra.redisUrl;
    if (infra.smtpUrl) env.SMTP_URL = infra.smtpUrl;
    env.MAIL_DIR ??= join(REPO_ROOT, 'var', 'mail');
  }
  return env;
}

async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become ready within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main(): Promise<void> {
  const infra = await resolveInfrastructure(process.env, log);
  const children = new Map<string, ChildProcess>();
  let stopping = false;

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await infra.stop();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const launch = (p: (typeof PROCESSES)[number]) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, p.entry)], { env: envFor(p.name, infra), stdio: 'inherit' });
    children.set(p.name, child);
    child.on('exit', (code, signal) => {
      if (stopping) return;
      log(`${p.name} exited (${signal ?? `code ${code}`}); stopping the platform`);
      void stopAll(1);
    });
  };

  for (const p of PROCESSES.filter((x) => x.name !== 'gateway')) launch(p);
  await Promise.all(SUBGRAPHS.map((s) => waitUntilReady(`http://127.0.0.1:${s.port}/ready`, 60_000)));
  launch(PROCESSES.find((p) => p.name === 'gateway')!);
  await waitUntilReady('http://127.0.0.1:4000/health', 30_000);

  if (!isProduction()) {
    const seed = spawn(process.execPath, [join(__dirname, 'seed.js'), '--quiet'], {
      env: { ...process.env, LOG_LEVEL: 'warn' },
      stdio: 'inherit',
    });
    await new Promise<void>((resolve) => seed.once('exit', () => resolve()));
  }
  log(
    'Helhed is up: GraphQL at http://localhost:4000/graphql — get a token with `npm run token`, see README.md. Ctrl-C stops.',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `[platform] failed to start: ${String(error)}`);
  process.exit(1);
});
