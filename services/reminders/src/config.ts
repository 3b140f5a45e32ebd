import { commonSettings, loadConfig, postgresUrl, requireInProduction, z, type Environment } from '@helhed/config';

const redisUrl = z.string().refine((v) => /^rediss?:\/\//.test(v), 'must be a redis:// or rediss:// URL');
const smtpUrl = z.string().refine((v) => /^smtps?:\/\/[^/]/.test(v), 'must be an smtp://host:port (or smtps://) URL');

/** Checks a five- or six-field cron pattern by shape; BullMQ's cron parser has the last word at startup. */
const cronPattern = z
  .string()
  .refine((v) => [5, 6].includes(v.trim().split(/\s+/).length), 'must be a cron pattern with 5 or 6 fields');

const timeZone = z.string().refine((v) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: v });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/Copenhagen');

const schema = z.object({
  ...commonSettings,
  /** The worker's own database: delivery records and, without Redis, the queue (schema `bullmq`). */
  DATABASE_URL: postgresUrl,
  /** Redis for the queue; without it (outside production) BullMQ runs on DATABASE_URL. */
  REDIS_URL: redisUrl.optional(),
  /** SMTP server for outgoing mail; without it (outside production) mail is written to MAIL_DIR. */
  SMTP_URL: smtpUrl.optional(),
  /** Where mail goes as .eml files when SMTP_URL is not set; relative to the process's working directory. */
  MAIL_DIR: z.string().default('var/mail'),
  MAIL_FROM: z.string().min(3).default('Helhed <noreply@helhed.local>'),
  DIGEST_CRON: cronPattern.default('0 7 * * *'),
  DIGEST_TZ: timeZone.default('Europe/Copenhagen'),
  /** When set, the worker touches this file every 15 s while it is running (the container healthcheck reads it). */
  HEARTBEAT_FILE: z.string().optional(),
});

export type RemindersConfig = z.infer<typeof schema>;

export function loadRemindersConfig(env: Environment = process.env): RemindersConfig {
  requireInProduction('reminders', env, ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL']);
  return loadConfig('reminders', schema, env);
}
