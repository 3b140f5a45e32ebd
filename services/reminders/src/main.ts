import { runService } from '@helhed/server';
import { loadRemindersConfig } from './config';
import { startHeartbeat } from './heartbeat';
import { startNotificationsSubgraph } from './notifications/notifications-service';
import { startRemindersWorker } from './service';

runService('reminders', async () => {
  const config = loadRemindersConfig();
  // The worker first: it migrates the database the subgraph then reads.
  const running = await startRemindersWorker(config);
  const notifications = await startNotificationsSubgraph(config, { logger: running.logger }).catch(async (error) => {
    await running.close();
    throw error;
  });
  const heartbeat = config.HEARTBEAT_FILE
    ? startHeartbeat(config.HEARTBEAT_FILE, () => running.worker.isRunning())
    : undefined;
  return {
    close: async () => {
      heartbeat?.stop();
      await notifications.close();
      await running.close();
    },
  };
});
