import { runService } from '@helhed/server';
import { loadEmploymentConfig } from './config';
import { startEmploymentService } from './service';

runService('employment', () => startEmploymentService(loadEmploymentConfig()));
