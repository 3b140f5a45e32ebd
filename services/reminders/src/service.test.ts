import {
  createTestDatabase,
  queryDatabase,
  startSmtpCapture,
  type SmtpCapture,
  type TestDatabase,
} from '@helhed/testing';
import {
  TEST_REDIS_URL,
  deleteRedisPrefix,
  eventually,
  FixtureDueSource,
  forwardPort,
  freePort,
  readMail,
  silentLogger,
  testConfig,
  uniqueKey,
  uniquePrefix,
  waitForJobState,
} from './__tests__/harness';
import { enqueueEmail, type RemindersJobResult } from './queue/reminders-queue';
import { startRemindersWorker, type RunningRemindersWorker } from './service';

interface DeliveryRow {
  delivery_key: string;
  recipient: string;
  subject: string;
  status: string;
  attempts: number;
  message_id: string | null;
  last_error: string | null;
  sent_at: Date | null;
}

let db: TestDatabase;
let smtp: SmtpCapture;
const prefixes: string[] = [];
const running: RunningRemindersWorker[] = [];

/** Starts a worker on Redis with its own key prefix; closed and obliterated after the test. */
async function start(env: Record<string, string> = {}, options: { prefix?: string; retryDelayMs?: number } = {}) {
  const prefix = options.prefix ?? uniquePrefix();
  if (!prefixes.includes(prefix)) prefixes.push(prefix);
  const worker = await startRemindersWorker(
    testConfig({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, SMTP_URL: smtp.url, ...env }),
    { logger: silentLogger(), prefix, retryDelayMs: options.retryDelayMs ?? 50, dueSource: new FixtureDueSource() },
  );
  running.push(worker);
  return worker;
}

const deliveryRow = async (key: string) =>
  (
    await queryDatabase<DeliveryRow & Record<string, unknown>>(
      db.url,
      'SELECT * FROM email_delivery WHERE delivery_key = $1',
      [key],
    )
  )[0];

beforeAll(async () => {
  db = await createTestDatabase('reminders');
});

beforeEach(async () => {
  smtp = await startSmtpCapture();
});

afterEach(async () => {
  const last = running.at(-1);
  if (last) await last.queue.obliterate({ force: true }).catch(() => undefined);
  for (const w of running.splice(0)) await w.close();
  for (const p of prefixes.splice(0)) await deleteRedisPrefix(p);
  await smtp.close();
});

afterAll(async () => {
  await db.drop();
});

describe('the reminder worker on Redis', () => {
  it('sends a queued email over SMTP and records it as SENT', async () => {
    const { queue, backend, mail } = await start();
    expect([backend, mail]).toEqual(['redis', 'smtp']);
    const deliveryKey = uniqueKey('first');

    await enqueueEmail(queue, {
      deliveryKey,
      to: 'karin.lund@kommune.dk',
      subject: 'Påmindelse: opfølgning på VEJ-2026-001',
      text: 'Hej Karin\n\nDer er en opfølgning på sag VEJ-2026-001 om tre hverdage.\n\nHilsen Helhed',
    });

    const [received] = await smtp.waitFor(1);
    expect(received?.to).toEqual(['karin.lund@kommune.dk']);
    expect(received?.from).toBe('noreply@helhed.local');
    const message = readMail(received?.raw ?? '');
    expect(message.subject).toBe('Påmindelse: opfølgning på VEJ-2026-001');
    expect(message.text).toBe(
      'Hej Karin\n\nDer er en opfølgning på sag VEJ-2026-001 om tre hverdage.\n\nHilsen Helhed',
    );
    expect(message.deliveryKey).toBe(deliveryKey);

    const job = await waitForJobState(queue, deliveryKey, 'completed');
    expect(job.returnvalue).toEqual({ skipped: false, deliveryKey, messageId: message.messageId });
    expect(await deliveryRow(deliveryKey)).toMatchObject({
      recipient: 'karin.lund@kommune.dk',
      subject: 'Påmindelse: opfølgning på VEJ-2026-001',
      status: 'SENT',
      attempts: 1,
      message_id: message.messageId,
      last_error: null,
    });
  });

  it('never sends a delivery key twice, even when the queue no longer remembers the job', async () => {
    const { queue } = await start();
    const email = {
      deliveryKey: uniqueKey('once'),
      to: 'cw@kommune.dk',
      subject: 'Dagens oversigt',
      text: 'Intet nyt.',
    };

    await enqueueEmail(queue, email);
    await smtp.waitFor(1);
    await waitForJobState(queue, email.deliveryKey, 'completed');

    // While the completed job is kept, its id deduplicates in the queue.
    await enqueueEmail(queue, email);
    expect(await queue.getJobCounts('waiting', 'delayed', 'active', 'completed')).toEqual({
      waiting: 0,
      delayed: expect.any(Number),
      active: 0,
      completed: 1,
    });

    // Once the job is gone (removed, or aged out), the delivery record still deduplicates.
    await queue.remove(email.deliveryKey);
    expect(await queue.getJob(email.deliveryKey)).toBeUndefined();
    await enqueueEmail(queue, { ...email, text: 'Sent again?' });
    const again = await waitForJobState(queue, email.deliveryKey, 'completed');
    expect(again.returnvalue).toMatchObject({ skipped: true, deliveryKey: email.deliveryKey });

    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.mails).toHaveLength(1);
    expect(await deliveryRow(email.deliveryKey)).toMatchObject({ status: 'SENT', attempts: 1 });
  });

  it('retries while SMTP is down and delivers once it is back', async () => {
    const smtpPort = await freePort(); // nothing listens here yet
    const { queue } = await start({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` }, { retryDelayMs: 100 });
    const deliveryKey = uniqueKey('retry');

    await enqueueEmail(queue, {
      deliveryKey,
      to: 'cw@kommune.dk',
      subject: 'Påmindelse',
      text: 'Opfølgning i morgen.',
    });

    const failed = await eventually(async () => {
      const row = await deliveryRow(deliveryKey);
      return row && row.attempts >= 1 ? row : undefined;
    });
    expect(failed).toMatchObject({ status: 'SENDING', sent_at: null, message_id: null });
    expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(smtp.mails).toHaveLength(0);

    const proxy = await forwardPort(smtpPort, smtp.port); // the SMTP server comes back on its address
    try {
      const [received] = await smtp.waitFor(1);
      expect(readMail(received?.raw ?? '').deliveryKey).toBe(deliveryKey);
      const job = await waitForJobState(queue, deliveryKey, 'completed');
      expect(job.attemptsMade).toBeGreaterThanOrEqual(2);
      const row = await deliveryRow(deliveryKey);
      expect(row).toMatchObject({ status: 'SENT', last_error: null });
      expect(row?.attempts).toBe(job.attemptsMade);
      await new Promise((r) => setTimeout(r, 200));
      expect(smtp.mails).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('retries a job that failed for good when its delivery key is enqueued again', async () => {
    const smtpPort = await freePort();
    const { queue } = await start({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` }, { retryDelayMs: 10 });
    const email = {
      deliveryKey: uniqueKey('exhausted'),
      to: 'cw@kommune.dk',
      subject: 'Påmindelse',
      text: 'Frist i dag.',
    };

    await enqueueEmail(queue, email);
    const failed = await waitForJobState(queue, email.deliveryKey, 'failed');
    expect(failed.attemptsMade).toBe(5);
    expect(await deliveryRow(email.deliveryKey)).toMatchObject({ status: 'SENDING', attempts: 5 });

    const proxy = await forwardPort(smtpPort, smtp.port);
    try {
      await enqueueEmail(queue, email);
      await smtp.waitFor(1);
      await waitForJobState(queue, email.deliveryKey, 'completed');
      expect(await deliveryRow(email.deliveryKey)).toMatchObject({ status: 'SENT', attempts: 6 });
    } finally {
      await proxy.close();
    }
  });

  it('fails a job with bad data at once, without retries', async () => {
    const { queue } = await start();
    await queue.add('send-email', { deliveryKey: 'bad.data', to: 'not an address' } as never, { jobId: 'bad.data' });
    const job = await waitForJobState(queue, 'bad.data', 'failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/bad data/);
    expect(await deliveryRow('bad.data')).toBeUndefined();
  });

  it('refuses to enqueue an email it could never send', async () => {
    const { queue } = await start();
    const good = { deliveryKey: uniqueKey('valid'), to: 'cw@kommune.dk', subject: 'S', text: 'T' };
    await expect(enqueueEmail(queue, { ...good, deliveryKey: 'digest:cw-1:2026-11-23' })).rejects.toThrow(/no ":"/);
    await expect(enqueueEmail(queue, { ...good, deliveryKey: '12345' })).rejects.toThrow(/integer/);
    await expect(enqueueEmail(queue, { ...good, to: 'nobody' })).rejects.toThrow(
      /^The email request is not valid: to: /,
    );
    expect(await queue.getJobCountByTypes('waiting', 'active', 'completed', 'failed')).toBe(0);
  });

  it('registers the daily digest and reconciliation schedulers at start, once, also after a restart', async () => {
    const prefix = uniquePrefix();
    const first = await start({}, { prefix });
    const scheduler = await first.queue.getJobScheduler('daily-digest');
    expect(scheduler).toMatchObject({ name: 'daily-digest', pattern: '0 7 * * *', tz: 'Europe/Copenhagen' });
    // The next run is at 07:00 in Copenhagen.
    const next = new Date(scheduler?.next ?? 0);
    expect(next.toLocaleTimeString('da-DK', { timeZone: 'Europe/Copenhagen', hour12: false })).toMatch(/^07.00.00$/);
    await first.close();
    running.splice(running.indexOf(first), 1);

    const second = await start({}, { prefix });
    expect(await second.queue.getJobSchedulersCount()).toBe(2);
    expect(await second.queue.getJobScheduler('reconcile')).toMatchObject({ pattern: '0 * * * *' });
    expect(await second.queue.getJobScheduler('daily-digest')).toMatchObject({
      pattern: '0 7 * * *',
      tz: 'Europe/Copenhagen',
      next: scheduler?.next,
    });
    expect(await second.queue.getJobCounts('delayed', 'waiting')).toEqual({ delayed: 2, waiting: 0 });
  });

  it('updates the schedule in place when DIGEST_CRON or DIGEST_TZ change', async () => {
    const prefix = uniquePrefix();
    const first = await start({}, { prefix });
    await first.close();
    running.splice(running.indexOf(first), 1);

    const second = await start({ DIGEST_CRON: '30 6 * * 1-5', DIGEST_TZ: 'UTC' }, { prefix });
    const schedulers = (await second.queue.getJobSchedulers()).filter((s) => s.name === 'daily-digest');
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ name: 'daily-digest', pattern: '30 6 * * 1-5', tz: 'UTC' });
    expect(await second.queue.getJobCounts('delayed')).toEqual({ delayed: 2 });
  });

  it('runs the daily digest on demand; with nothing due it sends nothing', async () => {
    const { queue } = await start();
    await queue.add('daily-digest', {}, { jobId: 'digest-now' });
    const job = await waitForJobState(queue, 'digest-now', 'completed');
    expect(job.returnvalue).toMatchObject({ digests: 0, enqueued: 0 } satisfies Partial<RemindersJobResult>);
    expect(smtp.mails).toHaveLength(0);
  });
});
