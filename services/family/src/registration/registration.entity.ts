import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { RegistrationKind, StoredSdq } from './family-registration';

/** The family department's part of one person's month; one row per person and month, corrections kept in the history. */
@Entity('family_registration')
export class FamilyRegistrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** YYYY-MM. */
  @Column({ type: 'char', length: 7 })
  month: string;

  @Column('text')
  kind: RegistrationKind;

  /** ICS dimension or VUM theme → score. */
  @Column({ type: 'jsonb' })
  scores: Record<string, number>;

  /** ICS dimension or VUM theme → the caseworker's note of the month. */
  @Column({ type: 'jsonb' })
  notes: Record<string, string>;

  @Column({
    name: 'attendance_percent',
    type: 'numeric',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  attendancePercent: number | null;

  @Column({
    name: 'grade_average',
    type: 'numeric',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  gradeAverage: number | null;

  @Column({ name: 'youth_education_started', type: 'boolean', nullable: true })
  youthEducationStarted: boolean | null;

  @Column({ name: 'youth_education_kept', type: 'boolean', nullable: true })
  youthEducationKept: boolean | null;

  @Column({ type: 'jsonb', nullable: true })
  sdq: StoredSdq | null;

  /** Last month's values copied unchanged by one confirmation. */
  @Column({ name: 'confirmed_unchanged', type: 'boolean' })
  confirmedUnchanged: boolean;

  /** Who first registered the month, and when (what the deadline is measured against). */
  @Column({ name: 'registered_by', type: 'text' })
  registeredBy: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  /** Who last changed it, and when (a correction changes these; the old values are in the history). */
  @Column({ name: 'changed_by', type: 'text' })
  changedBy: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}

/** One band of an SDQ norm set (the published UK sets are seeded; a municipality may add its own). */
@Entity('sdq_norm_band')
export class SdqNormBandEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for the published norm sets every municipality uses. */
  @Column({ name: 'municipality_code', type: 'char', length: 3, nullable: true })
  municipalityCode: string | null;

  @Column({ name: 'norm_set', type: 'text' })
  normSet: string;

  @Column('text')
  source: string;

  @Column('text')
  informant: string;

  @Column('text')
  scale: string;

  @Column('text')
  banding: string;

  @Column('text')
  band: string;

  @Column({ name: 'min_score', type: 'smallint' })
  minScore: number;

  @Column({ name: 'max_score', type: 'smallint' })
  maxScore: number;
}

/** A project's registration settings: which business day of the next month a month is due. */
@Entity('registration_setting')
export class RegistrationSettingEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'deadline_business_day', type: 'smallint' })
  deadlineBusinessDay: number;

  @Column({ name: 'sdq_norm_set', type: 'text' })
  sdqNormSet: string;

  @Column({ name: 'changed_by', type: 'text' })
  changedBy: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
