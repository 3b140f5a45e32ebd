import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Department } from '@helhed/identity';

export const SECTOR_PLAN_KINDS = ['JOBPLAN', 'HANDLEPLAN', 'BEHANDLINGSPLAN', 'UDDANNELSESPLAN', 'OTHER'] as const;
export type SectorPlanKind = (typeof SECTOR_PLAN_KINDS)[number];
export const ACTIVITY_STATUSES = ['PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** numeric comes back from PostgreSQL as text; hours are numbers in the domain. */
const hours = {
  to: (value: number) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** An activity of the family plan: one department's offer to some of the family's members. */
@Entity('plan_activity')
export class PlanActivityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column('text')
  department: Department;

  @Column({ name: 'sector_plan_kind', type: 'text' })
  sectorPlanKind: SectorPlanKind;

  @Column({ name: 'goal_id', type: 'uuid', nullable: true })
  goalId: string | null;

  @Column({ name: 'offer_description', type: 'text' })
  offerDescription: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ name: 'hours_per_week', type: 'numeric', precision: 4, scale: 1, transformer: hours })
  hoursPerWeek: number;

  @Column({ name: 'responsible_caseworker_id', type: 'uuid' })
  responsibleCaseworkerId: string;

  @Column({ name: 'follow_up_cadence_weeks', type: 'smallint' })
  followUpCadenceWeeks: number;

  @Column('text')
  status: ActivityStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A member an activity concerns. Ended (never deleted) when the activity no longer concerns them. */
@Entity('plan_activity_member')
export class PlanActivityMemberEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

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
