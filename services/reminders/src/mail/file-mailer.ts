import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { now } from '@helhed/calendar';
import nodemailer from 'nodemailer';
import { DELIVERY_KEY_HEADER, type Mailer, type OutgoingEmail, type SentEmail } from './mailer';

/** A file name made only of safe characters: the time first (so a listing is in order), then the delivery key. */
export function emlFileName(reference: string, at: Date = now()): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const key = reference.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120);
  return `${stamp}-${key}.eml`;
}

/**
 * The test suite's mail check (`packages/testing/src/suite-log/suite-mail.ts`)
 * reads every mail written while it runs, in any process (`npm start`'s
 * children too): when `HELHED_TEST_LOG_DIR` names its folder, as for the
 * logger's lines, a copy of each .eml goes to its `mails/`. Never in production.
 */
async function copyForSuiteCheck(message: Buffer, reference: string): Promise<void> {
  const dir = process.env.HELHED_TEST_LOG_DIR;
  if (!dir || process.env.NODE_ENV === 'production' || !existsSync(dir)) return;
  await mkdir(join(dir, 'mails'), { recursive: true });
  await writeFile(join(dir, 'mails', `file-${process.pid}-${emlFileName(reference)}`), message);
}

/**
 * Development without an SMTP server: each message is composed exactly as it
 * would be sent and written as one .eml file into `dir` (opened by any mail client).
 */
export function createFileMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let ready: Promise<unknown> | undefined;
  return {
    kind: 'file',
    async send(email: OutgoingEmail): Promise<SentEmail> {
      ready ??= mkdir(dir, { recursive: true });
      await ready;
      const info = await transport.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        ...(email.html ? { html: email.html } : {}),
        ...(email.messageId ? { messageId: email.messageId } : {}),
        headers: { [DELIVERY_KEY_HEADER]: email.reference },
      });
      if (!Buffer.isBuffer(info.message))
        throw new Error('The stream transport did not return the message as a buffer');
      await writeFile(join(dir, emlFileName(email.reference)), info.message, { flag: 'wx' });
      await copyForSuiteCheck(info.message, email.reference);
      return { messageId: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}
