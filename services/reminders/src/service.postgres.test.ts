import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, queryDatabase, startSmtpCapture, type TestDatabase } from '@helhed/testing';
import {
  FixtureDueSource,
  capturingLogger,
  readMail,
  testConfig,
  uniqueKey,
  waitForJobState,
} from './__tests__/harness';
import { enqueueEmail } from './queue/reminders-queue';
import { startRemindersWorker } from './service';

/** Without REDIS_URL the queue runs on BullMQ's PostgreSQL backend in the worker's own database. */
describe('the reminder worker without Redis', () => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase('reminders_pg');
  });

  afterEach(async () => {
    await db.drop();
  });

  it('queues on PostgreSQL, says so once, and delivers over SMTP', async () => {
    const smtp = await startSmtpCapture();
    const { logger, lines } = capturingLogger();
    const running = await startRemindersWorker(testConfig({ DATABASE_URL: db.url, SMTP_URL: smtp.url }), {
      logger,
      retryDelayMs: 50,
      dueSource: new FixtureDueSource(),
    });
    try {
      expect(running.backend).toBe('postgres');
      const fallback = lines.filter((l) => /REDIS_URL is not set/.test(l.msg));
      expect(fallback).toHaveLength(1);
      expect(fallback[0]?.msg).toMatch(/PostgreSQL backend, schema bullmq/);

      const deliveryKey = uniqueKey('pg');
      await enqueueEmail(running.queue, {
        deliveryKey,
        to: 'cw@kommune.dk',
        subject: 'Påmindelse',
        text: 'Fra PostgreSQL.',
      });
      const [received] = await smtp.waitFor(1);
      expect(received?.to).toEqual(['cw@kommune.dk']);
      expect(readMail(received?.raw ?? '')).toMatchObject({
        subject: 'Påmindelse',
        text: 'Fra PostgreSQL.',
        deliveryKey,
      });
      await waitForJobState(running.queue, deliveryKey, 'completed');
      const [row] = await queryDatabase(db.url, 'SELECT status, attempts FROM email_delivery WHERE delivery_key = $1', [
        deliveryKey,
      ]);
      expect(row).toEqual({ status: 'SENT', attempts: 1 });

      // The queue's tables live in their own schema, beside the delivery records.
      const tables = await queryDatabase<{ table_schema: string }>(
        db.url,
        "SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_name IN ('job', 'email_delivery') ORDER BY 1",
      );
      expect(tables.map((t) => t.table_schema)).toEqual(['bullmq', 'public']);
      expect(await running.queue.getJobScheduler('daily-digest')).toMatchObject({
        pattern: '0 7 * * *',
        tz: 'Europe/Copenhagen',
      });
    } finally {
      await running.close();
      await smtp.close();
    }

    // A restart keeps one scheduler.
    const again = await startRemindersWorker(testConfig({ DATABASE_URL: db.url, SMTP_URL: smtp.url }), {
      logger: capturingLogger().logger,
      dueSource: new FixtureDueSource(),
    });
    try {
      expect(await again.queue.getJobSchedulersCount()).toBe(2);
      expect(await again.queue.getJobCounts('delayed')).toEqual({ delayed: 2 });
    } finally {
      await again.close();
    }
  });

  it('writes mail as .eml files into MAIL_DIR when SMTP_URL is not set', async () => {
    const mailDir = await mkdtemp(join(tmpdir(), 'helhed-mail-'));
    const { logger, lines } = capturingLogger();
    const running = await startRemindersWorker(testConfig({ DATABASE_URL: db.url, MAIL_DIR: join(mailDir, 'out') }), {
      logger,
      dueSource: new FixtureDueSource(),
    });
    try {
      expect(running.mail).toBe('file');
      expect(lines.filter((l) => /SMTP_URL is not set/.test(l.msg)).map((l) => l.msg)).toEqual([
        `SMTP_URL is not set: mail is written as .eml files to ${join(mailDir, 'out')}`,
      ]);
      expect(lines.filter((l) => /REDIS_URL is not set/.test(l.msg))).toHaveLength(1);

      const deliveryKey = uniqueKey('file');
      await enqueueEmail(running.queue, {
        deliveryKey,
        to: 'familieraadgiver@kommune.dk',
        subject: 'Månedlig registrering mangler',
        text: 'Sag VEJ-2026-001: registreringen for oktober mangler.',
      });
      const job = await waitForJobState(running.queue, deliveryKey, 'completed');

      const files = await readdir(join(mailDir, 'out'));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(
        new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z-${deliveryKey.replace(/\./g, '\\.')}\\.eml$`),
      );
      const message = readMail(await readFile(join(mailDir, 'out', files[0] ?? ''), 'utf8'));
      expect(message).toMatchObject({
        to: 'familieraadgiver@kommune.dk',
        subject: 'Månedlig registrering mangler',
        text: 'Sag VEJ-2026-001: registreringen for oktober mangler.',
        deliveryKey,
      });
      expect(job.returnvalue).toEqual({ skipped: false, deliveryKey, messageId: message.messageId });
      const [row] = await queryDatabase(
        db.url,
        'SELECT status, message_id FROM email_delivery WHERE delivery_key = $1',
        [deliveryKey],
      );
      expect(row).toEqual({ status: 'SENT', message_id: message.messageId });
    } finally {
      await running.close();
      await rm(mailDir, { recursive: true, force: true });
    }
  });
});
