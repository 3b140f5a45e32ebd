import { ConfigError } from '@helhed/config';
import { loadRemindersConfig } from './config';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/helhed_reminders';

describe('loadRemindersConfig', () => {
  it('needs only DATABASE_URL outside production, with the documented defaults', () => {
    expect(loadRemindersConfig({ DATABASE_URL })).toEqual({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      DATABASE_URL,
      MAIL_DIR: 'var/mail',
      MAIL_FROM: 'Helhed <noreply@helhed.local>',
      DIGEST_CRON: '0 7 * * *',
      DIGEST_TZ: 'Europe/Copenhagen',
      GATEWAY_URL: 'http://localhost:4000/graphql',
      JWT_ISSUER: 'helhed-dev',
      JWT_AUDIENCE: 'helhed',
      JWT_SECRET: 'helhed-development-jwt-secret-change-me',
      MUNICIPALITIES: '630',
      FRONTEND_BASE_URL: 'http://localhost:5173',
      FOLLOW_UP_LEAD_DAYS: 3,
      FOLLOW_UP_OVERDUE_DAYS: 1,
      FOLLOW_UP_ESCALATION_DAYS: 10,
      REGISTRATION_LEAD_DAYS: 3,
      RECONCILE_CRON: '0 * * * *',
      RECONCILE_INTERVAL_SECONDS: 900,
      DIGEST_WINDOW_BUSINESS_DAYS: 5,
      EXPORT_RETENTION_DAYS: 30,
      METRICS_PORT: 9105,
      NOTIFICATIONS_PORT: 4005,
      QUEUE_PREFIX: 'helhed',
      IDENTITY_SIGNING_SECRET: 'helhed-development-identity-signing-secret',
    });
  });

  it('keeps evaluator CSVs EXPORT_RETENTION_DAYS (a whole number of days, at least 1)', () => {
    expect(loadRemindersConfig({ DATABASE_URL, EXPORT_RETENTION_DAYS: '90' }).EXPORT_RETENTION_DAYS).toBe(90);
    expect(() => loadRemindersConfig({ DATABASE_URL, EXPORT_RETENTION_DAYS: '0' })).toThrow(/EXPORT_RETENTION_DAYS/);
    expect(() => loadRemindersConfig({ DATABASE_URL, EXPORT_RETENTION_DAYS: '1.5' })).toThrow(/EXPORT_RETENTION_DAYS/);
  });

  it('reconciles every RECONCILE_INTERVAL_SECONDS over a window of DIGEST_WINDOW_BUSINESS_DAYS (whole numbers, at least 1)', () => {
    expect(
      loadRemindersConfig({ DATABASE_URL, RECONCILE_INTERVAL_SECONDS: '60', DIGEST_WINDOW_BUSINESS_DAYS: '10' }),
    ).toMatchObject({ RECONCILE_INTERVAL_SECONDS: 60, DIGEST_WINDOW_BUSINESS_DAYS: 10 });
    expect(() => loadRemindersConfig({ DATABASE_URL, RECONCILE_INTERVAL_SECONDS: '0' })).toThrow(
      /RECONCILE_INTERVAL_SECONDS/,
    );
    expect(() => loadRemindersConfig({ DATABASE_URL, DIGEST_WINDOW_BUSINESS_DAYS: '0' })).toThrow(
      /DIGEST_WINDOW_BUSINESS_DAYS/,
    );
  });

  it('requires DATABASE_URL, REDIS_URL, SMTP_URL, JWT_SECRET and GATEWAY_URL in production, naming each', () => {
    let error: unknown;
    try {
      loadRemindersConfig({ NODE_ENV: 'production', REDIS_URL: '' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'DATABASE_URL is required in production (the development default is not allowed)',
      'REDIS_URL is required in production (the development default is not allowed)',
      'SMTP_URL is required in production (the development default is not allowed)',
      'JWT_SECRET is required in production (the development default is not allowed)',
      'GATEWAY_URL is required in production (the development default is not allowed)',
      'IDENTITY_SIGNING_SECRET is required in production (the development default is not allowed)',
    ]);
    expect(
      loadRemindersConfig({
        NODE_ENV: 'production',
        DATABASE_URL,
        REDIS_URL: 'redis://redis:6379',
        SMTP_URL: 'smtp://mail:1025',
        JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
        GATEWAY_URL: 'http://gateway:4000/graphql',
        IDENTITY_SIGNING_SECRET: 'a-production-identity-secret-of-32-characters',
      }),
    ).toMatchObject({ REDIS_URL: 'redis://redis:6379', SMTP_URL: 'smtp://mail:1025' });
  });

  it('reports every bad setting at once', () => {
    expect(() =>
      loadRemindersConfig({
        DATABASE_URL: 'mysql://x',
        REDIS_URL: 'http://redis',
        SMTP_URL: 'mail:25',
        DIGEST_CRON: 'every morning',
        DIGEST_TZ: 'Mars/Olympus',
      }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          'DATABASE_URL: must be a postgres:// URL',
          'REDIS_URL: must be a redis:// or rediss:// URL',
          'SMTP_URL: must be an smtp://host:port (or smtps://) URL',
          'DIGEST_CRON: must be a cron pattern with 5 or 6 fields',
          'DIGEST_TZ: must be an IANA time zone such as Europe/Copenhagen',
        ],
      }),
    );
  });
});
