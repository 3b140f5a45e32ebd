export { startEmploymentService, EMPLOYMENT_SERVICE_DIR, type RunningEmploymentService } from './service';
export { loadEmploymentConfig, type EmploymentConfig } from './config';
