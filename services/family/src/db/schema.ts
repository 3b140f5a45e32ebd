import { EvaluatorProjectKey1765600000000 } from './migrations/1765600000000-EvaluatorProjectKey';
import { PlanActivityEntity, PlanActivityMemberEntity } from '../activity/plan-activity.entity';
import {
  AssessmentEntity,
  AssessmentFindingEntity,
  AssessmentParticipantEntity,
  AssessmentVersionEntity,
} from '../assessment/assessment.entity';
import { CaseworkerEntity } from '../caseworker/caseworker.entity';
import { CivilSocietyParticipationEntity } from '../civil-society/civil-society-participation.entity';
import { CivilSocietyPartnerEntity } from '../civil-society/civil-society-partner.entity';
import { ConsentEntity } from '../consent/consent.entity';
import { LegalBasisEntity } from '../consent/legal-basis.entity';
import { FamilyEntity } from '../family/family.entity';
import { FollowUpEntity, FollowUpGoalProgressEntity, FollowUpParticipantEntity } from '../follow-up/follow-up.entity';
import { ChangeRecordEntity } from '@helhed/history';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { CustodyEntity } from '../person/custody.entity';
import { PersonEntity } from '../person/person.entity';
import {
  FamilyPlanEntity,
  FamilyPlanVersionEntity,
  GoalStatusChangeEntity,
  PlanGoalEntity,
  PlanGoalVersionEntity,
  PlanPhaseEntity,
} from '../plan/plan.entity';
import { MilestoneEntity } from '../project/milestone.entity';
import { ProjectEnrolmentEntity } from '../project/project-enrolment.entity';
import { ProjectEntity } from '../project/project.entity';
import { RiskEntity } from '../project/risk.entity';
import {
  FamilyRegistrationEntity,
  RegistrationSettingEntity,
  SdqNormBandEntity,
} from '../registration/registration.entity';
import { ContactPersonAssignmentEntity } from '../team/contact-person-assignment.entity';
import { FamilyTeamMemberEntity } from '../team/team-member.entity';
import { Initial1763800000000 } from './migrations/1763800000000-Initial';
import { HistoryAndCustody1764000000000 } from './migrations/1764000000000-HistoryAndCustody';
import { FamilyLifecycleAndTeam1764100000000 } from './migrations/1764100000000-FamilyLifecycleAndTeam';
import { ConsentAndCustody1764200000000 } from './migrations/1764200000000-ConsentAndCustody';
import { CivilSociety1764200000001 } from './migrations/1764200000001-CivilSociety';
import { Assessment1764300000001 } from './migrations/1764300000001-Assessment';
import { FamilyPlan1764300000002 } from './migrations/1764300000002-FamilyPlan';
import { PlanActivity1764300000003 } from './migrations/1764300000003-PlanActivity';
import { FollowUp1764300000004 } from './migrations/1764300000004-FollowUp';
import { Project1764400000000 } from './migrations/1764400000000-Project';
import { MonthlyRegistration1765200000000 } from './migrations/1765200000000-MonthlyRegistration';
import { TenantIsolation1765400000000 } from './migrations/1765400000000-TenantIsolation';
import { AuditEvent1765500000003 } from './migrations/1765500000003-AuditEvent';
import { AuditCriterion1765730000000 } from './migrations/1765730000000-AuditCriterion';

/**
 * The family service's entities and migrations, listed explicitly. Each domain
 * folder adds its entities and its migration here (migrations run in timestamp order).
 */
export const entities = [
  MunicipalityEntity,
  CaseworkerEntity,
  FamilyEntity,
  PersonEntity,
  CustodyEntity,
  ChangeRecordEntity,
  ConsentEntity,
  LegalBasisEntity,
  CivilSocietyPartnerEntity,
  CivilSocietyParticipationEntity,
  ProjectEntity,
  ProjectEnrolmentEntity,
  MilestoneEntity,
  RiskEntity,
  FamilyTeamMemberEntity,
  ContactPersonAssignmentEntity,
  AssessmentEntity,
  AssessmentVersionEntity,
  AssessmentParticipantEntity,
  AssessmentFindingEntity,
  FamilyPlanEntity,
  FamilyPlanVersionEntity,
  PlanPhaseEntity,
  PlanGoalEntity,
  PlanGoalVersionEntity,
  GoalStatusChangeEntity,
  PlanActivityEntity,
  PlanActivityMemberEntity,
  FollowUpEntity,
  FollowUpParticipantEntity,
  FollowUpGoalProgressEntity,
  FamilyRegistrationEntity,
  SdqNormBandEntity,
  RegistrationSettingEntity,
];

export const migrations = [
  Initial1763800000000,
  HistoryAndCustody1764000000000,
  FamilyLifecycleAndTeam1764100000000,
  ConsentAndCustody1764200000000,
  CivilSociety1764200000001,
  Assessment1764300000001,
  FamilyPlan1764300000002,
  PlanActivity1764300000003,
  FollowUp1764300000004,
  Project1764400000000,
  MonthlyRegistration1765200000000,
  TenantIsolation1765400000000,
  AuditEvent1765500000003,
  EvaluatorProjectKey1765600000000,
  AuditCriterion1765730000000,
];
