import { runService } from '@helhed/server';
import { loadFamilyConfig } from './config';
import { startFamilyService } from './service';

runService('family', () => startFamilyService(loadFamilyConfig()));
