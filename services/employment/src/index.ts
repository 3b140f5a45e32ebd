export {
  startEmploymentService,
  EMPLOYMENT_SERVICE_DIR,
  type RunningEmploymentService,
  type EmploymentServiceOptions,
} from './service';
export { loadEmploymentConfig, type EmploymentConfig } from './config';
