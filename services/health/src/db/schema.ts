import { HealthAssessmentEntity } from '../health-assessment/health-assessment.entity';
import { HealthAssessment1763900000000 } from './migrations/1763900000000-HealthAssessment';

/** The health service's entities and migrations, listed explicitly. */
export const entities = [HealthAssessmentEntity];
export const migrations = [HealthAssessment1763900000000];
