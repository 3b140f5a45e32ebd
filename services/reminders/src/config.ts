import {
  DEV_IDENTITY_SIGNING_SECRET,
  commonSettings,
  loadConfig,
  port,
  postgresUrl,
  requireInProduction,
  secret,
  z,
  type Environment,
} from '@helhed/config';

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
  /** BullMQ's key prefix on Redis: two platforms sharing one Redis (a developer's and a test's) need two. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be letters, digits, _ or -')
    .default('helhed'),
  /** SMTP server for outgoing mail; without it (outside production) mail is written to MAIL_DIR. */
  SMTP_URL: smtpUrl.optional(),
  /** Where mail goes as .eml files when SMTP_URL is not set; relative to the process's working directory. */
  MAIL_DIR: z.string().default('var/mail'),
  MAIL_FROM: z.string().min(3).default('Helhed <noreply@helhed.local>'),
  DIGEST_CRON: cronPattern.default('0 7 * * *'),
  DIGEST_TZ: timeZone.default('Europe/Copenhagen'),
  /** The gateway the worker reads what is due through, with its own SERVICE identity. */
  GATEWAY_URL: z.url().default('http://localhost:4000/graphql'),
  /** The gateway's token settings: the worker mints its own SERVICE token with them (as `npm run token` does). */
  JWT_ISSUER: z.string().default('helhed-dev'),
  JWT_AUDIENCE: z.string().default('helhed'),
  JWT_SECRET: secret('helhed-development-jwt-secret-change-me'),
  /** The identity provider's JWKS (as the gateway's): operators' tokens for the queue dashboard are checked against it. */
  JWKS_URL: z.url().optional(),
  /** The municipalities (three-digit codes, comma-separated) the worker sends reminders for. */
  MUNICIPALITIES: z
    .string()
    .default('630')
    .refine((v) => v.split(',').every((c) => /^\d{3}$/.test(c.trim())), 'must be three-digit codes, comma-separated'),
  /** The front end's base URL: each reminder links to the case there (`<base>/families/<familyId>`). */
  FRONTEND_BASE_URL: z.url().default('http://localhost:5173'),
  /** Business days before a follow-up is due that its responsible caseworker is reminded. */
  FOLLOW_UP_LEAD_DAYS: z.coerce.number().int().min(0).max(20).default(3),
  /** Business days after the due day that an overdue follow-up is reminded (1 = the first business day after). */
  FOLLOW_UP_OVERDUE_DAYS: z.coerce.number().int().min(1).max(20).default(1),
  /** Business days overdue after which the project lead is told. */
  FOLLOW_UP_ESCALATION_DAYS: z.coerce.number().int().min(1).max(60).default(10),
  /** Business days before the monthly registration deadline that the contact person is reminded (and again on the day). */
  REGISTRATION_LEAD_DAYS: z.coerce.number().int().min(0).max(20).default(3),
  /** How often the worker re-creates the jobs of digests not yet sent from PostgreSQL (cron, in DIGEST_TZ). */
  RECONCILE_CRON: cronPattern.default('0 * * * *'),
  /**
   * Seconds between the reconciliations each worker also runs on a timer of its own, so they go on when
   * Redis lost the `reconcile` scheduler (a flush); each re-creates both schedulers.
   */
  RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /**
   * Business days (today included) whose unsent digests reconciliation still sends — left PENDING over
   * midnight, or FAILED after a transient SMTP outage; older ones become FAILED (EXPIRED) for the operator.
   */
  DIGEST_WINDOW_BUSINESS_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /** Days a finished evaluator export's CSV is kept; then the hourly reconciliation deletes it and marks the export EXPIRED. */
  EXPORT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Port of the worker's health, readiness and Prometheus metrics endpoints (0 = none). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9105),
  /** Port of the `notifications` subgraph the service also serves (preferences, "my reminders", failed digests). */
  NOTIFICATIONS_PORT: port(4005),
  /** The secret the gateway signs forwarded identities with (as every subgraph has). */
  IDENTITY_SIGNING_SECRET: secret(DEV_IDENTITY_SIGNING_SECRET),
  /** When set, the worker touches this file every 15 s while it is running (the container healthcheck reads it). */
  HEARTBEAT_FILE: z.string().optional(),
});

export type RemindersConfig = z.infer<typeof schema>;

export function loadRemindersConfig(env: Environment = process.env): RemindersConfig {
  requireInProduction('reminders', env, [
    'DATABASE_URL',
    'REDIS_URL',
    'SMTP_URL',
    'JWT_SECRET',
    'GATEWAY_URL',
    'IDENTITY_SIGNING_SECRET',
  ]);
  return loadConfig('reminders', schema, env);
}
