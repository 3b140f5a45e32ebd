import { openDatabase, type DataSource } from '@helhed/db';
import { createTestDatabase, startSmtpCapture, type SmtpCapture, type TestDatabase } from '@helhed/testing';
import { freePort, readMail, uniqueKey } from '../__tests__/harness';
import { entities, migrations } from '../db/schema';
import { createSmtpMailer } from '../mail/smtp-mailer';
import { deliverEmail, type EmailRequest } from './email-delivery';
import { EmailDeliveryEntity } from './email-delivery.entity';
import { PostgresDeliveryLedger } from './postgres-delivery-ledger';

describe('deliverEmail with the PostgreSQL delivery ledger', () => {
  let testDb: TestDatabase;
  let db: DataSource;
  let smtp: SmtpCapture;
  let ledger: PostgresDeliveryLedger;

  const request = (label: string): EmailRequest => ({
    deliveryKey: uniqueKey(label),
    to: 'cw@kommune.dk',
    subject: 'Påmindelse',
    text: 'Opfølgning på VEJ-2026-001.',
  });

  beforeAll(async () => {
    testDb = await createTestDatabase('reminders_ledger');
    db = await openDatabase({ url: testDb.url, entities, migrations });
    ledger = new PostgresDeliveryLedger(db);
    smtp = await startSmtpCapture();
  });

  afterAll(async () => {
    await smtp.close();
    await db.destroy();
    await testDb.drop();
  });

  it('sends once and records the message id', async () => {
    const mailer = createSmtpMailer(smtp.url, 'Helhed <noreply@helhed.local>');
    const before = smtp.mails.length;
    const email = request('once');
    const outcome = await deliverEmail(email, ledger, mailer);
    const [received] = (await smtp.waitFor(before + 1)).slice(before);
    expect(outcome).toEqual({
      skipped: false,
      deliveryKey: email.deliveryKey,
      messageId: readMail(received?.raw ?? '').messageId,
    });
    expect(await deliverEmail(email, ledger, mailer)).toEqual({ ...outcome, skipped: true });
    expect(smtp.mails).toHaveLength(before + 1);

    const record = await db.getRepository(EmailDeliveryEntity).findOneByOrFail({ deliveryKey: email.deliveryKey });
    expect(record).toMatchObject({ status: 'SENT', attempts: 1, messageId: outcome.messageId, lastError: null });
    expect(record.sentAt).toBeInstanceOf(Date);
    await mailer.close();
  });

  it('lets only one of several concurrent senders of the same key send', async () => {
    const mailers = [1, 2, 3, 4].map(() => createSmtpMailer(smtp.url, 'Helhed <noreply@helhed.local>'));
    const before = smtp.mails.length;
    const email = request('race');
    const outcomes = await Promise.all(mailers.map((m) => deliverEmail(email, ledger, m)));
    expect(outcomes.filter((o) => !o.skipped)).toHaveLength(1);
    expect(outcomes.filter((o) => o.skipped)).toHaveLength(3);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.mails).toHaveLength(before + 1);
    await Promise.all(mailers.map((m) => m.close()));
  });

  it('records a failed attempt, keeps the key open, and sends on the next attempt', async () => {
    const down = createSmtpMailer(`smtp://127.0.0.1:${await freePort()}`, 'Helhed <noreply@helhed.local>');
    const up = createSmtpMailer(smtp.url, 'Helhed <noreply@helhed.local>');
    const email = request('fail');
    await expect(deliverEmail(email, ledger, down)).rejects.toThrow(/ECONNREFUSED/);
    const repo = db.getRepository(EmailDeliveryEntity);
    expect(await repo.findOneByOrFail({ deliveryKey: email.deliveryKey })).toMatchObject({
      status: 'SENDING',
      attempts: 1,
      messageId: null,
      sentAt: null,
      lastError: expect.stringMatching(/ECONNREFUSED/),
    });
    expect((await deliverEmail(email, ledger, up)).skipped).toBe(false);
    expect(await repo.findOneByOrFail({ deliveryKey: email.deliveryKey })).toMatchObject({
      status: 'SENT',
      attempts: 2,
      lastError: null,
    });
    await down.close();
    await up.close();
  });
});
