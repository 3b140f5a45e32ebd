import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createTestDatabase,
  queryDatabase,
  startSmtpCapture,
  type SmtpCapture,
  type SmtpCaptureOptions,
  type TestDatabase,
} from '@helhed/testing';
import { CASEWORKERS, EASTER_SNAPSHOT, fie, lead, morningOf, sara, vik } from '../__tests__/easter-week';
import {
  FixtureDueSource,
  TEST_REDIS_URL,
  deleteRedisPrefix,
  eventually,
  silentLogger,
  testConfig,
  uniquePrefix,
} from '../__tests__/harness';
import { startRemindersWorker, type RunningRemindersWorker } from '../service';

/** The worker as a process: killed in the middle of a run, and stopped with SIGTERM. */
jest.setTimeout(90_000);

const DAY = '2026-04-13';
const FOUR = [fie.email, lead.email, sara.email, vik.email].sort();

let db: TestDatabase;
let smtp: SmtpCapture;
let prefix: string;
let child: ChildProcess | undefined;
let worker: RunningRemindersWorker | undefined;

function startChild(env: Record<string, string>): {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: string | null }>;
} {
  const proc = fork(join(__dirname, '..', '__tests__', 'worker-child.ts'), [], {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      SMTP_URL: smtp.url,
      QUEUE_PREFIX: prefix,
      CHILD_DAY: DAY,
      TS_NODE_PROJECT: join(__dirname, '..', '..', 'tsconfig.json'),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child: proc, exited };
}

async function fresh(options: SmtpCaptureOptions) {
  db = await createTestDatabase('reminders_proc');
  smtp = await startSmtpCapture(options);
  prefix = uniquePrefix();
}

afterEach(async () => {
  child?.kill('SIGKILL');
  child = undefined;
  await worker?.close();
  worker = undefined;
  await deleteRedisPrefix(prefix);
  await smtp.close();
  await db.drop();
});

const statuses = async () =>
  (
    await queryDatabase<{ recipient: string; status: string }>(
      db.url,
      'SELECT recipient, status FROM digest ORDER BY recipient',
    )
  ).map((r) => `${r.recipient}:${r.status}`);

it('a worker SIGKILLed mid-run, after the server accepted a digest: after a restart every digest is delivered, the cut-off one again with its Message-ID', async () => {
  const killed: { exited?: Promise<unknown> } = {};
  await fresh({
    beforeReply: async (attempt) => {
      // The second digest is in the server's hands when the worker dies, before it hears the answer.
      if (attempt === 2) {
        child!.kill('SIGKILL');
        await killed.exited;
      }
      return undefined;
    },
  });
  const started = startChild({ CHILD_RUN_DAY: DAY });
  child = started.child;
  killed.exited = started.exited;
  expect(await started.exited).toMatchObject({ signal: 'SIGKILL' });
  await smtp.waitFor(2);

  const now = morningOf(DAY, 60);
  worker = await startRemindersWorker(
    testConfig({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, SMTP_URL: smtp.url }),
    {
      logger: silentLogger(),
      prefix,
      dueSource: new FixtureDueSource(EASTER_SNAPSHOT, CASEWORKERS),
      now: () => now,
      stalledInterval: 500,
    },
  );
  await smtp.waitFor(5, 30_000);
  await eventually(async () => !(await statuses()).some((s) => /PENDING|SENDING/.test(s)), 30_000);
  // The one cut off between the server's answer and the row is sent again: one duplicate, same Message-ID.
  expect(new Set(smtp.mails.map((m) => m.to[0]))).toEqual(new Set(FOUR));
  expect(smtp.mails).toHaveLength(5);
  expect([...smtp.acceptedById().values()].sort()).toEqual([1, 1, 1, 2]);
  const after = await statuses();
  expect(after.filter((s) => s.endsWith(':SENT'))).toHaveLength(4);
  const [resent] = await queryDatabase<{ total: number }>(db.url, 'SELECT sum(resends)::int AS total FROM digest');
  expect(resent).toEqual({ total: 1 });
});

it('SIGTERM lets the job in progress finish, and the worker stops cleanly', async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let offered!: () => void;
  const inFlight = new Promise<void>((resolve) => (offered = resolve));
  await fresh({
    beforeReply: async (attempt) => {
      if (attempt === 1) {
        offered();
        await held;
      }
      return undefined;
    },
  });
  const started = startChild({ CHILD_RUN_DAY: DAY });
  child = started.child;
  await inFlight;
  child.kill('SIGTERM');
  // The worker is stopping and waits for its job; the SMTP server answers only now.
  release();
  expect(await started.exited).toEqual({ code: 0, signal: null });
  const after = await statuses();
  expect(after.filter((s) => s.endsWith(':SENT'))).toHaveLength(1);
  expect(after.some((s) => /SENDING|UNCERTAIN/.test(s))).toBe(false);
  expect(smtp.mails).toHaveLength(1);
});
