import { resolve } from 'node:path';
import type { Logger } from '@helhed/server';
import { redact } from '@helhed/db';
import { createFileMailer } from './file-mailer';
import type { Mailer } from './mailer';
import { createSmtpMailer } from './smtp-mailer';

export interface MailSettings {
  SMTP_URL?: string | undefined;
  MAIL_DIR: string;
  MAIL_FROM: string;
}

/** SMTP when SMTP_URL is set; otherwise .eml files in MAIL_DIR (never in production: the config requires SMTP_URL there). */
export function createMailer(settings: MailSettings, logger: Logger): Mailer {
  if (settings.SMTP_URL) {
    logger.debug({ smtp: redact(settings.SMTP_URL) }, 'mail goes out over SMTP');
    return createSmtpMailer(settings.SMTP_URL, settings.MAIL_FROM);
  }
  const dir = resolve(settings.MAIL_DIR);
  logger.info(`SMTP_URL is not set: mail is written as .eml files to ${dir}`);
  return createFileMailer(dir, settings.MAIL_FROM);
}
