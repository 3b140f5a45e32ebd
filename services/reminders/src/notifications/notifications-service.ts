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
import type { RemindersConfig } from '../config';
import { entities, migrations } from '../db/schema';
import { DigestStore } from '../digest/digest-store';
import { evaluatorExportResolvers, type ExportContext } from '../export/evaluator-export.resolvers';
import { ExportStore } from '../export/export-store';
import type { ReminderRuns } from '../operator/reminder-runs';
import { reminderRunsOf } from '../operator/reminder-runs-of';
import { enqueueEvaluatorExport, openRemindersQueue } from '../queue/reminders-queue';
import { notificationsResolvers, type NotificationsContext } from './notifications.resolvers';

/** The folder with the notifications subgraph's schema.graphql (the reminders service's). */
export const REMINDERS_SERVICE_DIR = join(__dirname, '..', '..');

/**
 * The reminders service's settings: the subgraph's port, database and identity
 * secret, the queue (evaluator exports are put on it) and — for an
 * administrator's `runReminders` — the gateway, mail and reminder rules.
 */
export type NotificationsSettings = RemindersConfig;

/**
 * The `notifications` subgraph, served by the reminders service on its own
 * database: caseworkers' reminder preferences, their digest history ("my
 * reminders") and the operator's failed digests.
 */
export async function startNotificationsSubgraph(
  settings: NotificationsSettings,
  options: {
    logger?: Logger;
    /** The gateway's URL when it is known only after this subgraph started (an in-process stack); GATEWAY_URL otherwise. */
    gatewayUrl?: () => string;
  } = {},
): Promise<RunningSubgraphService> {
  // The queue is opened at the first export request, so a subgraph nobody asks for an export holds no connection.
  let producer: ReturnType<typeof openRemindersQueue> | undefined;
  let logger: Logger | undefined = options.logger;
  const enqueueExport = async (exportId: string) => {
    producer ??= openRemindersQueue(settings, logger!);
    await enqueueEvaluatorExport(producer.queue, exportId);
  };
  // The operator's provider is made at the first `runReminders` (the gateway is up by then), on the subgraph's own
  // database; its mailer at the first send.
  let runs: ReturnType<typeof reminderRunsOf> | undefined;
  let digestStore: DigestStore | undefined;
  const reminderRuns = (): ReminderRuns =>
    (runs ??= reminderRunsOf(
      { ...settings, GATEWAY_URL: options.gatewayUrl?.() ?? settings.GATEWAY_URL },
      { store: digestStore!, logger: logger! },
    )).runs;
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
      stores: (db) => ({ digests: (digestStore = new DigestStore(db)), exports: new ExportStore(db) }),
      context: (base, stores) => ({ ...base, stores, enqueueExport, reminderRuns }),
    },
    { ...settings, PORT: settings.NOTIFICATIONS_PORT },
    options.logger ? { logger: options.logger } : {},
  );
  logger ??= running.logger;
  const close = running.close.bind(running);
  running.close = async () => {
    await close();
    await producer?.close();
    await runs?.close();
  };
  return running;
}
