export { startHealthService, HEALTH_SERVICE_DIR, type RunningHealthService } from './service';
export { loadHealthConfig, type HealthConfig } from './config';
