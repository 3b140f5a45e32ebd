import { runService } from '@helhed/server';
import { loadHealthConfig } from './config';
import { startHealthService } from './service';

runService('health', () => startHealthService(loadHealthConfig()));
