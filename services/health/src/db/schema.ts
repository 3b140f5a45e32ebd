import { HealthAssessmentEntity } from '../health-assessment/health-assessment.entity';
import { HealthAssessment1763900000000 } from './migrations/1763900000000-HealthAssessment';
import { AuditEvent1764700000000 } from './migrations/1764700000000-AuditEvent';

/** The health service's entities and migrations, listed explicitly. */
export const entities = [HealthAssessmentEntity];
export const migrations = [HealthAssessment1763900000000, AuditEvent1764700000000];
