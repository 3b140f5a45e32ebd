import { mintCallerToken, type Role } from '@helhed/identity';
import {
  createTestDatabase,
  queryDatabase,
  startSmtpCapture,
  type SmtpCapture,
  type SmtpCaptureOptions,
  type TestDatabase,
} from '@helhed/testing';
import {
  CASEWORKERS,
  EASTER_PREFERENCES,
  EASTER_SNAPSHOT,
  EXPECTED_BY_DAY,
  fie,
  jens,
  lead,
  morningOf,
  sara,
  vik,
} from '../__tests__/easter-week';
import {
  FixtureDueSource,
  TEST_REDIS_URL,
  deleteRedisPrefix,
  eventually,
  silentLogger,
  testConfig,
  uniquePrefix,
} from '../__tests__/harness';
import { startRemindersWorker, type RemindersWorkerOptions, type RunningRemindersWorker } from '../service';
import { digestKey } from './digest';

/**
 * The digests end to end on a real Redis, PostgreSQL and SMTP server, with the
 * clock moved by hand: the right people on the right days, once each.
 */
jest.setTimeout(60_000);

let db: TestDatabase;
let smtp: SmtpCapture;
let now: Date;
const workers: RunningRemindersWorker[] = [];
const prefixes: string[] = [];

async function start(options: Partial<RemindersWorkerOptions> & { prefix?: string } = {}) {
  const prefix = options.prefix ?? uniquePrefix();
  if (!prefixes.includes(prefix)) prefixes.push(prefix);
  const worker = await startRemindersWorker(
    testConfig({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, SMTP_URL: smtp.url }),
    {
      logger: silentLogger(),
      retryDelayMs: 20,
      dueSource: new FixtureDueSource(EASTER_SNAPSHOT, CASEWORKERS),
      now: () => now,
      reconcileAtStart: false,
      ...options,
      prefix,
    },
  );
  workers.push(worker);
  for (const p of EASTER_PREFERENCES) await worker.store.setPreference('630', p);
  return worker;
}

async function stop(worker: RunningRemindersWorker) {
  workers.splice(workers.indexOf(worker), 1);
  await worker.close();
}

async function fresh(smtpOptions: SmtpCaptureOptions = {}) {
  db = await createTestDatabase('reminders_digest');
  smtp = await startSmtpCapture(smtpOptions);
}

afterEach(async () => {
  for (const w of workers.splice(0)) await w.close().catch(() => undefined);
  for (const p of prefixes.splice(0)) await deleteRedisPrefix(p);
  await smtp?.close();
  await db?.drop();
});

type Row = {
  delivery_key: string;
  recipient: string;
  day: string;
  status: string;
  attempts: number;
  text_body: string;
};
const rows = (where = 'true', params: unknown[] = []) =>
  queryDatabase<Row>(
    db.url,
    `SELECT delivery_key, recipient, day::text AS day, status, attempts, text_body FROM digest WHERE ${where} ORDER BY day, recipient`,
    params,
  );

/** Waits until no digest of the day is still to send. */
const settled = (day: string) =>
  eventually(async () => (await rows(`day = $1 AND status IN ('PENDING', 'SENDING')`, [day])).length === 0, 15_000);

const mailsTo = () => smtp.mails.map((m) => m.to[0]).sort();

describe('a seeded fortnight around Easter, walked day by day', () => {
  beforeEach(() => fresh());

  it('sends the right digests to the right people on the right days, one per caseworker per day', async () => {
    now = morningOf('2026-03-30');
    const worker = await start();
    let expectedSoFar: string[] = [];
    for (const [day, expected] of EXPECTED_BY_DAY) {
      now = morningOf(day);
      const result = await worker.runDay(day);
      expect({ day, digests: result.digests }).toEqual({ day, digests: expected.length });
      expectedSoFar = [...expectedSoFar, ...expected];
      await smtp.waitFor(expectedSoFar.length);
      await settled(day);
      const today = await rows('day = $1', [day]);
      expect({ day, to: today.map((r) => r.recipient).sort() }).toEqual({ day, to: [...expected].sort() });
      expect(today.every((r) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
    }
    expect(mailsTo()).toEqual([...expectedSoFar].sort());

    const all = await rows();
    const text = (email: string, day: string) => all.find((r) => r.recipient === email && r.day === day)?.text_body;
    // The deadline day: the contact person's two families and the overdue plan follow-up, most urgent first.
    expect(text(fie.email, '2026-04-10')).toMatch(
      /1\. Opfølgning på familiens plan i sag SAG-2 var forfalden 2026-04-09[\s\S]*2\. Månedlig registrering for 2026-03 i sag SAG-1[\s\S]*medlem nr\. 1 \(forælder\): Jobcentrets del mangler – ansvarlig: Jens Job[\s\S]*3\. Månedlig registrering for 2026-03 i sag SAG-2/,
    );
    // The day after: Jens is away, so Viggo gets his part on his behalf; Sara reads English.
    expect(text(vik.email, '2026-04-13')).toMatch(/som stedfortræder for Jens Job/);
    expect(text(sara.email, '2026-04-13')).toMatch(
      /^Dear Sara Sundhed,[\s\S]*member no\. 1 \(parent\): the Health part is missing/,
    );
    expect(text(lead.email, '2026-04-13')).toMatch(
      /Fie Familie: 1 manglende dele[\s\S]*Jens Job: 1[\s\S]*Sara Sundhed: 1/,
    );
    expect(text(lead.email, '2026-03-31')).toMatch(
      /Eskalering: .* i sag SAG-2 er 10 arbejdsdage over fristen 2026-03-17 \(ansvarlig: Jens Job\)/,
    );
    expect(text(jens.email, '2026-04-07')).toMatch(/http:\/\/localhost:5173\/families\/fam-1/);
    // Plain text and HTML.
    expect(smtp.mails.every((m) => /multipart\/alternative/.test(m.raw) && /text\/html/.test(m.raw))).toBe(true);
    expect(worker.metrics.registry.getSingleMetric('helhed_digests_sent_total')).toBeDefined();
    expect(await worker.metrics.registry.getSingleMetricAsString('helhed_digests_sent_total')).toMatch(/ 9$/m);
  });
});

describe('operations', () => {
  beforeEach(() => fresh());

  it('serves health, readiness and Prometheus metrics (digests built, sent, failed, retried; queue depth)', async () => {
    now = morningOf('2026-04-13');
    const worker = await start({ opsPort: 0 });
    await worker.runDay('2026-04-13');
    await smtp.waitFor(4);
    await settled('2026-04-13');
    const base = `http://127.0.0.1:${worker.opsPort}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^helhed_digests_built_total 4$/m);
    expect(metrics).toMatch(/^helhed_digests_sent_total 4$/m);
    expect(metrics).toMatch(/^helhed_digests_failed_total 0$/m);
    expect(metrics).toMatch(/^helhed_digests_retried_total 0$/m);
    expect(metrics).toMatch(/^helhed_digests_resent_total 0$/m);
    expect(metrics).toMatch(/^helhed_digests_expired_total 0$/m);
    expect(metrics).toMatch(/^helhed_reminders_queue_depth\{state="delayed"\} 2$/m);
    await stop(worker);
    expect(await fetch(`${base}/healthz`).catch(() => 'closed')).toBe('closed');
  });

  it('shows the queue dashboard to operators only: job counts and the job schedulers', async () => {
    now = morningOf('2026-04-13');
    const worker = await start({ opsPort: 0 });
    await worker.runDay('2026-04-13');
    await smtp.waitFor(4);
    await settled('2026-04-13');
    const config = testConfig({ DATABASE_URL: db.url });
    const token = (roles: Role[]) =>
      mintCallerToken(
        { userId: 'operator-1', municipality: '630', department: 'FAMILY', roles },
        { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, secret: config.JWT_SECRET },
      );
    const url = `http://127.0.0.1:${worker.opsPort}/queues`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer not-a-token' } })).status).toBe(401);
    const caseworker = await fetch(url, { headers: { authorization: `Bearer ${await token(['CASEWORKER'])}` } });
    expect(caseworker.status).toBe(403);
    const operator = `Bearer ${await token(['ADMIN'])}`;
    const json = await fetch(url, { headers: { authorization: operator, accept: 'application/json' } });
    expect(json.status).toBe(200);
    const snapshot = (await json.json()) as { counts: Record<string, number>; schedulers: Array<{ id: string }> };
    expect(snapshot.counts).toMatchObject({ completed: expect.any(Number), delayed: 2, failed: 0 });
    expect(snapshot.schedulers.map((s) => s.id).sort()).toEqual(['daily-digest', 'reconcile']);
    const html = await (await fetch(url, { headers: { authorization: operator } })).text();
    expect(html).toContain('<h1>Reminders queue</h1>');
    expect(html).toContain('daily-digest');
    await stop(worker);
  });
});

describe('each digest exactly once', () => {
  const DAY = '2026-04-13';
  const FOUR = [fie.email, lead.email, sara.email, vik.email].sort();

  it('runs the same day twice without sending again', async () => {
    await fresh();
    now = morningOf(DAY);
    const worker = await start();
    await worker.runDay(DAY);
    await smtp.waitFor(4);
    await settled(DAY);
    const again = await worker.runDay(DAY);
    expect(again).toMatchObject({ digests: 4, enqueued: 0 });
    await worker.queue.add('daily-digest', { day: DAY });
    await eventually(async () => (await worker.queue.getJobCounts('completed')).completed >= 5);
    expect(mailsTo()).toEqual(FOUR);
  });

  it('two workers racing on the same day send each digest once', async () => {
    await fresh();
    now = morningOf(DAY);
    const prefix = uniquePrefix();
    const a = await start({ prefix });
    const b = await start({ prefix });
    await Promise.all([a.runDay(DAY), b.runDay(DAY), a.runDay(DAY)]);
    await smtp.waitFor(4);
    await settled(DAY);
    // Re-enqueue every key on both: the rows say SENT.
    for (const key of (await rows()).map((r) => r.delivery_key)) {
      await a.queue.add('send-digest', { deliveryKey: key }, { jobId: `${key}.again` });
    }
    await eventually(async () => (await a.queue.getJobCounts('completed')).completed >= 8);
    expect(mailsTo()).toEqual(FOUR);
  });

  it('a job cut off after SMTP accepted but before the row was marked sends again, with the same Message-ID, and is counted', async () => {
    await fresh();
    now = morningOf(DAY);
    let failed = false;
    const worker = await start({
      afterAccepted: async (key) => {
        if (key === digestKey(fie.id, DAY) && !failed) {
          failed = true;
          throw new Error('the database went away after SMTP accepted');
        }
      },
    });
    await worker.runDay(DAY);
    await smtp.waitFor(5);
    await settled(DAY);
    await eventually(async () => (await worker.queue.getJobCounts('completed')).completed >= 4);
    // The attempt could not know whether the server had it: the retry sends it again. The one duplicate
    // carries the same Message-ID (a mail client shows it once), and the row counts the resend.
    expect(mailsTo()).toEqual([...FOUR, fie.email].sort());
    const fieMails = smtp.mails.filter((m) => m.to[0] === fie.email);
    expect(fieMails.map((m) => m.messageId)).toEqual([
      `<${digestKey(fie.id, DAY)}@helhed.reminders>`,
      fieMails[0]!.messageId,
    ]);
    expect(smtp.acceptedById().size).toBe(4);
    const fieRow = await worker.store.byKey(digestKey(fie.id, DAY));
    expect(fieRow).toMatchObject({ status: 'SENT', resends: 1, attempts: 1 });
    expect((await rows(`status = 'SENT'`)).length).toBe(4);
    expect(await worker.store.failed('630')).toEqual([]);
    expect(await worker.metrics.registry.getSingleMetricAsString('helhed_digests_resent_total')).toMatch(/ 1$/m);
  });
});

describe('SMTP faults', () => {
  const DAY = '2026-03-31';

  it('delivers once on the 4th attempt when SMTP refuses the first 3 (temporary 4xx)', async () => {
    await fresh({ beforeReply: (n) => (n <= 3 ? { responseCode: 451, message: 'Try again later' } : undefined) });
    now = morningOf(DAY);
    const worker = await start();
    await worker.runDay(DAY);
    await smtp.waitFor(1);
    await settled(DAY);
    expect(mailsTo()).toEqual([lead.email]);
    expect(await rows()).toMatchObject([{ status: 'SENT', attempts: 4 }]);
    expect(await worker.metrics.registry.getSingleMetricAsString('helhed_digests_retried_total')).toMatch(/ 3$/m);
  });

  it('gives up after 5 temporary failures, and at once on a permanent 5xx rejection; both show for the operator', async () => {
    let offered = 0;
    await fresh({
      beforeReply: (_n, raw) => {
        offered += 1;
        return /lis@|Lis Leder/.test(raw) || raw.includes(lead.email)
          ? { responseCode: 550, message: 'No such mailbox' }
          : { responseCode: 421, message: 'Service not available' };
      },
    });
    now = morningOf('2026-04-07');
    const worker = await start();
    await worker.runDay('2026-03-31'); // the lead: permanent
    await worker.runDay('2026-04-07'); // fie and jens: temporary, 5 times each
    await eventually(async () => (await rows(`status = 'FAILED'`)).length === 3, 15_000);
    expect(offered).toBe(1 + 5 + 5);
    expect(await rows()).toMatchObject([
      { recipient: lead.email, status: 'FAILED', attempts: 1 },
      { recipient: fie.email, status: 'FAILED', attempts: 5 },
      { recipient: jens.email, status: 'FAILED', attempts: 5 },
    ]);
    const failed = await worker.store.failed('630');
    // The 4xx failures may pass when the outage ends (reconciliation re-opens them); the 5xx never will.
    expect(failed.map((d) => d.failureKind)).toEqual(['TRANSIENT', 'TRANSIENT', 'PERMANENT']);
    expect(failed.map((d) => d.lastError)).toEqual([
      expect.stringMatching(/421/),
      expect.stringMatching(/421/),
      expect.stringMatching(/550/),
    ]);
    expect(smtp.mails).toHaveLength(0);
  });
});

describe('nothing lost', () => {
  const DAY = '2026-04-13';
  const FOUR = [fie.email, lead.email, sara.email, vik.email].sort();

  it('catches up on today at start when the worker was down at 07:00', async () => {
    await fresh();
    now = morningOf(DAY, 95); // 08:35
    await stop(await start()); // set up (preferences) the day before, then down at 07:00
    await start({ reconcileAtStart: true });
    await smtp.waitFor(4);
    await settled(DAY);
    expect(mailsTo()).toEqual(FOUR);
  });

  it('does not catch up before 07:00 or on a holiday', async () => {
    await fresh();
    now = morningOf(DAY, -30);
    const early = await start({ reconcileAtStart: true });
    expect(await early.reconcile()).toMatchObject({ caughtUp: [], requeued: 0 });
    now = morningOf('2026-04-06', 120);
    expect(await early.reconcile()).toMatchObject({ day: '2026-04-06', caughtUp: [] });
    expect(await rows()).toEqual([]);
  });

  it('re-creates the jobs of the window when the catch-up cannot read the gateway, and reports the failure', async () => {
    await fresh();
    now = morningOf(DAY);
    const prefix = uniquePrefix();
    const first = await start({ prefix });
    await first.worker.pause();
    await first.runDay(DAY);
    await stop(first);
    await deleteRedisPrefix(prefix); // Monday's jobs are lost, and on Tuesday morning the gateway is down.
    now = morningOf('2026-04-14', 60);
    const down = new FixtureDueSource(EASTER_SNAPSHOT, CASEWORKERS);
    down.followUpsDue = () => Promise.reject(new Error('fetch failed: http://localhost:4000/graphql'));
    const second = await start({ prefix, dueSource: down });
    await expect(second.reconcile()).rejects.toThrow(/fetch failed/);
    await smtp.waitFor(4);
    await settled(DAY);
    expect(mailsTo()).toEqual(FOUR);
  });

  it('re-creates the jobs from PostgreSQL after Redis was flushed: nothing lost, nothing doubled', async () => {
    await fresh();
    now = morningOf(DAY);
    const prefix = uniquePrefix();
    const first = await start({ prefix });
    await first.worker.pause();
    await first.runDay(DAY);
    expect(await first.queue.getJobCounts('waiting')).toMatchObject({ waiting: 4 });
    await stop(first);
    await deleteRedisPrefix(prefix); // Redis lost everything: the jobs and the schedulers.

    const second = await start({ prefix, reconcileAtStart: true });
    await smtp.waitFor(4);
    await settled(DAY);
    expect(mailsTo()).toEqual(FOUR);
    expect(await second.queue.getJobSchedulersCount()).toBe(2);
    // And once more: reconciling a day that is sent changes nothing.
    expect(await second.reconcile()).toMatchObject({ caughtUp: [], requeued: 0 });
    expect(mailsTo()).toEqual(FOUR);
  });
});
