import { runService } from '@helhed/server';
import { loadEconomyConfig } from './config';
import { startEconomyService } from './service';

runService('economy', () => startEconomyService(loadEconomyConfig()));
