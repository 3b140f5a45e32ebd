export { startFamilyService, FAMILY_SERVICE_DIR, type RunningFamilyService } from './service';
export { loadFamilyConfig, type FamilyConfig } from './config';
