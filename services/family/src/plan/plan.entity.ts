import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type FamilyPlanStatus = 'OPEN' | 'CLOSED';
export const GOAL_STATUSES = ['NOT_STARTED', 'PROGRESSING', 'ACHIEVED', 'NOT_ACHIEVED'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** The family's one plan as it stands now (its current version). */
@Entity('family_plan')
export class FamilyPlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column('text')
  status: FamilyPlanStatus;

  @Column('integer')
  version: number;

  @Column({ name: 'based_on_assessment_id', type: 'uuid', nullable: true })
  basedOnAssessmentId: string | null;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'follow_up_cadence_weeks', type: 'smallint' })
  followUpCadenceWeeks: number;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'close_reason', type: 'text', nullable: true })
  closeReason: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One version of a plan: its frame as it was written. Never changed afterwards. */
@Entity('family_plan_version')
export class FamilyPlanVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column('integer')
  version: number;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'follow_up_cadence_weeks', type: 'smallint' })
  followUpCadenceWeeks: number;

  @Column({ name: 'based_on_assessment_id', type: 'uuid', nullable: true })
  basedOnAssessmentId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A phase of one plan version (e.g. the first half-year of an 18-month plan). */
@Entity('plan_phase')
export class PlanPhaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'plan_version', type: 'integer' })
  planVersion: number;

  @Column('smallint')
  position: number;

  @Column('text')
  name: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column('text')
  focus: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A goal of the plan: its identity and status across versions, and its current wording. */
@Entity('plan_goal')
export class PlanGoalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  /** The member the goal is for; null for a goal of the whole family. */
  @Column({ name: 'member_id', type: 'uuid', nullable: true })
  memberId: string | null;

  @Column('text')
  description: string;

  @Column({ name: 'target_date', type: 'date' })
  targetDate: string;

  @Column('text')
  status: GoalStatus;

  @Column({ name: 'added_in_version', type: 'integer' })
  addedInVersion: number;

  /** The plan version that no longer has the goal; null while it is part of the plan. */
  @Column({ name: 'removed_in_version', type: 'integer', nullable: true })
  removedInVersion: number | null;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A goal's wording in one plan version. Never changed afterwards. */
@Entity('plan_goal_version')
export class PlanGoalVersionEntity {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @PrimaryColumn({ name: 'plan_version', type: 'integer' })
  planVersion: number;

  @PrimaryColumn({ name: 'goal_id', type: 'uuid' })
  goalId: string;

  @Column('smallint')
  position: number;

  @Column({ name: 'member_id', type: 'uuid', nullable: true })
  memberId: string | null;

  @Column('text')
  description: string;

  @Column({ name: 'target_date', type: 'date' })
  targetDate: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One change of a goal's status: set directly or by the progress recorded at a follow-up. */
@Entity('goal_status_change')
export class GoalStatusChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'goal_id', type: 'uuid' })
  goalId: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'from_status', type: 'text' })
  fromStatus: GoalStatus;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: GoalStatus;

  @Column({ name: 'changed_on', type: 'date' })
  changedOn: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'follow_up_id', type: 'uuid', nullable: true })
  followUpId: string | null;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
