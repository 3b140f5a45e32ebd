export { startRemindersWorker, type RemindersWorkerOptions, type RunningRemindersWorker } from './service';
export { loadRemindersConfig, type RemindersConfig } from './config';
export {
  enqueueEmail,
  openRemindersQueue,
  REMINDERS_QUEUE,
  SEND_EMAIL,
  DAILY_DIGEST,
  type RemindersQueue,
  type RemindersJob,
  type RemindersJobName,
  type RemindersJobData,
  type RemindersJobResult,
  type SendEmailJobData,
} from './queue/reminders-queue';
export type { RemindersWorker } from './queue/reminders-worker';
export { DEFAULT_QUEUE_PREFIX, POSTGRES_QUEUE_SCHEMA } from './queue/backend';
export {
  InvalidEmailRequest,
  type EmailRequest,
  type DeliveryOutcome,
  type DeliveryStatus,
} from './delivery/email-delivery';
export type { DigestRunResult } from './digest/daily-digest';
export { startNotificationsSubgraph, REMINDERS_SERVICE_DIR } from './notifications/notifications-service';
