import { runService } from '@helhed/server';
import { loadRemindersConfig } from './config';
import { startHeartbeat } from './heartbeat';
import { startRemindersWorker } from './service';

runService('reminders', async () => {
  const config = loadRemindersConfig();
  const running = await startRemindersWorker(config);
  if (!config.HEARTBEAT_FILE) return running;
  const heartbeat = startHeartbeat(config.HEARTBEAT_FILE, () => running.worker.isRunning());
  return {
    close: async () => {
      heartbeat.stop();
      await running.close();
    },
  };
});
