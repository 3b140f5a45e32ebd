import { join } from 'node:path';
import {
  DateScalar,
  DateTimeScalar,
  YearMonthScalar,
  mergeResolvers,
  startSubgraphService,
  type Logger,
  type RunningSubgraphService,
} from '@helhed/server';
import { entities, migrations } from '../db/schema';
import { DigestStore } from '../digest/digest-store';
import { evaluatorExportResolvers, type ExportContext } from '../export/evaluator-export.resolvers';
import { ExportStore } from '../export/export-store';
import { enqueueEvaluatorExport, openRemindersQueue } from '../queue/reminders-queue';
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
  /** Where the reminders queue lives (evaluator exports are put on it): Redis, else DATABASE_URL. */
  REDIS_URL?: string | undefined;
}

/**
 * The `notifications` subgraph, served by the reminders service on its own
 * database: caseworkers' reminder preferences, their digest history ("my
 * reminders") and the operator's failed digests.
 */
export async function startNotificationsSubgraph(
  settings: NotificationsSettings,
  options: { logger?: Logger } = {},
): Promise<RunningSubgraphService> {
  // The queue is opened at the first export request, so a subgraph nobody asks for an export holds no connection.
  let producer: ReturnType<typeof openRemindersQueue> | undefined;
  let logger: Logger | undefined = options.logger;
  const enqueueExport = async (exportId: string) => {
    producer ??= openRemindersQueue(settings, logger!);
    await enqueueEvaluatorExport(producer.queue, exportId);
  };
  const running = await startSubgraphService<
    NotificationsContext & ExportContext,
    { digests: DigestStore; exports: ExportStore }
  >(
    {
      name: 'notifications',
      serviceDir: REMINDERS_SERVICE_DIR,
      entities,
      migrations,
      resolvers: mergeResolvers(
        { Date: DateScalar, DateTime: DateTimeScalar, YearMonth: YearMonthScalar },
        notificationsResolvers,
        evaluatorExportResolvers,
      ),
      stores: (db) => ({ digests: new DigestStore(db), exports: new ExportStore(db) }),
      context: (base, stores) => ({ ...base, stores, enqueueExport }),
    },
    { ...settings, PORT: settings.NOTIFICATIONS_PORT },
    options.logger ? { logger: options.logger } : {},
  );
  logger ??= running.logger;
  const close = running.close.bind(running);
  running.close = async () => {
    await close();
    await producer?.close();
  };
  return running;
}
