import { join } from 'node:path';
import {
  DateScalar,
  DateTimeScalar,
  mergeResolvers,
  startSubgraphService,
  type Logger,
  type RunningSubgraphService,
} from '@helhed/server';
import { entities, migrations } from '../db/schema';
import { DigestStore } from '../digest/digest-store';
import { notificationsResolvers, type NotificationsContext } from './notifications.resolvers';

/** The folder with the notifications subgraph's schema.graphql (the reminders service's). */
export const REMINDERS_SERVICE_DIR = join(__dirname, '..', '..');

export interface NotificationsSettings {
  NODE_ENV: string;
  LOG_LEVEL: string;
  /** The subgraph's port (4005 by default). */
  NOTIFICATIONS_PORT: number;
  DATABASE_URL: string;
  IDENTITY_SIGNING_SECRET: string;
}

/**
 * The `notifications` subgraph, served by the reminders service on its own
 * database: caseworkers' reminder preferences, their digest history ("my
 * reminders") and the operator's failed digests.
 */
export function startNotificationsSubgraph(
  settings: NotificationsSettings,
  options: { logger?: Logger } = {},
): Promise<RunningSubgraphService> {
  return startSubgraphService<NotificationsContext, { digests: DigestStore }>(
    {
      name: 'notifications',
      serviceDir: REMINDERS_SERVICE_DIR,
      entities,
      migrations,
      resolvers: mergeResolvers({ Date: DateScalar, DateTime: DateTimeScalar }, notificationsResolvers),
      stores: (db) => ({ digests: new DigestStore(db) }),
      context: (base, stores) => ({ ...base, stores }),
    },
    { ...settings, PORT: settings.NOTIFICATIONS_PORT },
    options.logger ? { logger: options.logger } : {},
  );
}
