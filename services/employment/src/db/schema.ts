import { BenefitPeriodEntity } from '../benefit-period/benefit-period.entity';
import { BenefitPeriod1763900000000 } from './migrations/1763900000000-BenefitPeriod';
import { ChangeRecordEntity } from '@helhed/history';
import { AttendanceWeekEntity, OfferParticipationEntity } from '../offer/offer-participation.entity';
import { Offer1764600000000 } from './migrations/1764600000000-Offer';
import { EmploymentRegistration1764600000001 } from './migrations/1764600000001-EmploymentRegistration';
import { RegistrationConfirmationEntity } from '../registration/registration-confirmation.entity';
import { ChangeRecord1764500000000 } from './migrations/1764500000000-ChangeRecord';
import { BenefitPeriodOverlap1764500000001 } from './migrations/1764500000001-BenefitPeriodOverlap';
import { TargetGroup1764500000002 } from './migrations/1764500000002-TargetGroup';
import { TargetGroupAssignmentEntity } from '../target-group/target-group-assignment.entity';
import { Company1764500000003 } from './migrations/1764500000003-Company';
import { EmploymentPeriod1764500000004 } from './migrations/1764500000004-EmploymentPeriod';
import { LeisureJob1764500000005 } from './migrations/1764500000005-LeisureJob';
import { EducationEnrolment1764500000006 } from './migrations/1764500000006-EducationEnrolment';
import { TenantIsolation1765400000000 } from './migrations/1765400000000-TenantIsolation';
import { CompanyEntity, PartnershipAgreementEntity } from '../company/company.entity';
import { EmploymentPeriodEntity } from '../employment-period/employment-period.entity';
import { LeisureJobEntity } from '../leisure-job/leisure-job.entity';
import { AuditEvent1765500000000 } from './migrations/1765500000000-AuditEvent';
import { AuditCut1765500000001 } from './migrations/1765500000001-AuditCut';
import { EducationEnrolmentEntity } from '../education/education-enrolment.entity';
import { AuditCriterion1765730000000 } from './migrations/1765730000000-AuditCriterion';

/** The employment service's entities and migrations, listed explicitly. */
export const entities = [
  BenefitPeriodEntity,
  ChangeRecordEntity,
  OfferParticipationEntity,
  AttendanceWeekEntity,
  RegistrationConfirmationEntity,
  TargetGroupAssignmentEntity,
  CompanyEntity,
  PartnershipAgreementEntity,
  EmploymentPeriodEntity,
  LeisureJobEntity,
  EducationEnrolmentEntity,
];
export const migrations = [
  BenefitPeriod1763900000000,
  ChangeRecord1764500000000,
  BenefitPeriodOverlap1764500000001,
  TargetGroup1764500000002,
  Company1764500000003,
  EmploymentPeriod1764500000004,
  LeisureJob1764500000005,
  EducationEnrolment1764500000006,
  Offer1764600000000,
  EmploymentRegistration1764600000001,
  TenantIsolation1765400000000,
  AuditEvent1765500000000,
  AuditCut1765500000001,
  AuditCriterion1765730000000,
];
