import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { GoalStatus } from '../plan/plan.entity';

/** A follow-up meeting on the plan (no activity) or on one of its activities. */
@Entity('follow_up')
export class FollowUpEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  /** The activity followed up; null for a follow-up on the plan as a whole. */
  @Column({ name: 'activity_id', type: 'uuid', nullable: true })
  activityId: string | null;

  @Column({ name: 'planned_on', type: 'date' })
  plannedOn: string;

  @Column({ name: 'held_on', type: 'date', nullable: true })
  heldOn: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ name: 'other_participants', type: 'text', array: true })
  otherParticipants: string[];

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A caseworker taking part in a follow-up. Ended (never deleted) when replaced. */
@Entity('follow_up_participant')
export class FollowUpParticipantEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'follow_up_id', type: 'uuid' })
  followUpId: string;

  @Column({ name: 'caseworker_id', type: 'uuid' })
  caseworkerId: string;

  @Column('smallint')
  position: number;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @Column({ name: 'removed_by', type: 'text', nullable: true })
  removedBy: string | null;
}

/** The progress of one goal as judged at a held follow-up. */
@Entity('follow_up_goal_progress')
export class FollowUpGoalProgressEntity {
  @PrimaryColumn({ name: 'follow_up_id', type: 'uuid' })
  followUpId: string;

  @PrimaryColumn({ name: 'goal_id', type: 'uuid' })
  goalId: string;

  @Column('text')
  status: GoalStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column('smallint')
  position: number;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
