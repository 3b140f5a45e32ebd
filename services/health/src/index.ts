export {
  startHealthService,
  HEALTH_SERVICE_DIR,
  type RunningHealthService,
  type HealthServiceOptions,
} from './service';
export { loadHealthConfig, type HealthConfig } from './config';
