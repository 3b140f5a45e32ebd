import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Environment } from '@helhed/config';
import { loadEconomyConfig, startEconomyService } from '@helhed/economy';
import { loadEmploymentConfig, startEmploymentService } from '@helhed/employment';
import { loadFamilyConfig, startFamilyService } from '@helhed/family';
import { loadGatewayConfig, startGateway } from '@helhed/gateway';
import { loadHealthConfig, startHealthService } from '@helhed/health';
import { loadRemindersConfig, startNotificationsSubgraph } from '@helhed/reminders';
import { createLogger, type RunningHttpServer } from '@helhed/server';

export type SubgraphService = 'family' | 'employment' | 'health' | 'economy';

export interface StackSettings {
  /** Each subgraph's own database. */
  databaseUrls: Record<SubgraphService, string>;
  /** Settings shared by all (secrets, LOG_LEVEL, NODE_ENV). */
  env?: Environment;
  /** Port 0 (the default) picks free ports. */
  gatewayPort?: number;
  /** Where every process's log lines (JSON) go instead of stdout (tests that read the log). */
  logDestination?: { write(line: string): void };
  /** The reminders service's database: when given, its `notifications` subgraph is served too. */
  notificationsDatabaseUrl?: string;
}

export interface Stack {
  gatewayUrl: string;
  gateway: RunningHttpServer;
  subgraphs: Record<SubgraphService, RunningHttpServer>;
  /** The reminders service's `notifications` subgraph, when served (`notificationsDatabaseUrl`). */
  notifications?: RunningHttpServer;
  close(): Promise<void>;
}

/**
 * The four subgraphs and the gateway in this process, on free ports, with the
 * gateway pointed at them: for integration tests and for `npm run seed`.
 * (`npm start` runs each as its own process instead.)
 */
export async function startStack(settings: StackSettings): Promise<Stack> {
  // In-process (tests, seeding) one caller sends many requests: no rate limit unless asked for.
  const env: Environment = { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', ...settings.env };
  const logOf = (name: string) =>
    createLogger(name, {
      level: env.LOG_LEVEL,
      production: env.NODE_ENV === 'production',
      ...(settings.logDestination ? { destination: settings.logDestination } : {}),
    });
  const forService = (service: SubgraphService) => ({
    ...env,
    PORT: '0',
    DATABASE_URL: settings.databaseUrls[service],
  });
  // The family subgraph first: the employment subgraph asks it about persons and plan activities.
  const family = await startFamilyService(loadFamilyConfig(forService('family')), { logger: logOf('family') });
  const [employment, health, economy] = await Promise.all([
    startEmploymentService(loadEmploymentConfig({ ...forService('employment'), FAMILY_SUBGRAPH_URL: family.url }), {
      logger: logOf('employment'),
    }),
    startHealthService(loadHealthConfig({ ...forService('health'), FAMILY_SUBGRAPH_URL: family.url }), {
      logger: logOf('health'),
    }),
    startEconomyService(loadEconomyConfig({ ...forService('economy'), FAMILY_SUBGRAPH_URL: family.url }), {
      logger: logOf('economy'),
    }),
  ]);
  // The notifications subgraph reads the graph for an administrator's `runReminders` through the gateway, which
  // starts after it; its mail goes to files in a folder of its own unless the settings name SMTP or a folder.
  let gatewayUrl = '';
  const mailDir = join(tmpdir(), `helhed-stack-mail-${process.pid}-${randomBytes(4).toString('hex')}`);
  const notifications = settings.notificationsDatabaseUrl
    ? await startNotificationsSubgraph(
        loadRemindersConfig({
          MAIL_DIR: mailDir,
          ...env,
          DATABASE_URL: settings.notificationsDatabaseUrl,
          NOTIFICATIONS_PORT: '0',
        }),
        { logger: logOf('notifications'), gatewayUrl: () => gatewayUrl },
      )
    : undefined;
  const gateway = await startGateway(
    loadGatewayConfig({
      ...env,
      PORT: String(settings.gatewayPort ?? 0),
      FAMILY_URL: family.url,
      EMPLOYMENT_URL: employment.url,
      HEALTH_URL: health.url,
      ECONOMY_URL: economy.url,
      ...(notifications ? { NOTIFICATIONS_URL: notifications.url } : {}),
    }),
    { logger: logOf('gateway') },
  );
  gatewayUrl = gateway.url;
  const subgraphs = { family, employment, health, economy };
  return {
    gatewayUrl: gateway.url,
    gateway,
    subgraphs,
    ...(notifications ? { notifications } : {}),
    close: async () => {
      await gateway.close();
      await Promise.all([...Object.values(subgraphs), ...(notifications ? [notifications] : [])].map((s) => s.close()));
      await rm(mailDir, { recursive: true, force: true });
    },
  };
}
