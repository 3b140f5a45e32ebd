import { ChangeRecordEntity } from '@helhed/history';
import { HealthAssessmentEntity } from '../health-assessment/health-assessment.entity';
import { HealthIndicatorsEntity } from '../health-indicator/health-indicators.entity';
import { ReferralEntity } from '../referral/referral.entity';
import { TreatmentDetailsEntity } from '../treatment/treatment-details.entity';
import { HealthAssessment1763900000000 } from './migrations/1763900000000-HealthAssessment';
import { AuditEvent1764700000000 } from './migrations/1764700000000-AuditEvent';
import { AuditCut1765500000002 } from './migrations/1765500000002-AuditCut';
import { ChangeRecord1764800000000 } from './migrations/1764800000000-ChangeRecord';
import { Referral1764800000001 } from './migrations/1764800000001-Referral';
import { HealthIndicators1764800000002 } from './migrations/1764800000002-HealthIndicators';
import { TreatmentDetails1764800000003 } from './migrations/1764800000003-TreatmentDetails';
import { HealthFindings1765000000000 } from './migrations/1765000000000-HealthFindings';
import { TenantIsolation1765400000000 } from './migrations/1765400000000-TenantIsolation';
import { AuditCriterion1765730000000 } from './migrations/1765730000000-AuditCriterion';

/** The health service's entities and migrations, listed explicitly. */
export const entities = [
  HealthAssessmentEntity,
  ChangeRecordEntity,
  ReferralEntity,
  HealthIndicatorsEntity,
  TreatmentDetailsEntity,
];
export const migrations = [
  HealthAssessment1763900000000,
  AuditEvent1764700000000,
  ChangeRecord1764800000000,
  Referral1764800000001,
  HealthIndicators1764800000002,
  TreatmentDetails1764800000003,
  HealthFindings1765000000000,
  TenantIsolation1765400000000,
  AuditCut1765500000002,
  AuditCriterion1765730000000,
];
