import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The kinds of the schema's `OfferKind`; the table's CHECK lists the same values. */
export const OFFER_KINDS = [
  'VIRKSOMHEDSPRAKTIK',
  'LOENTILSKUD',
  'MENTOR',
  'NYTTEINDSATS',
  'UDDANNELSE',
  'OTHER',
] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

/** The offers that take place at a workplace (*virksomhedsrettede tilbud*), for the monthly registration. */
export const COMPANY_BASED_KINDS: readonly OfferKind[] = ['VIRKSOMHEDSPRAKTIK', 'LOENTILSKUD'];

/** Numeric columns come back from PostgreSQL as strings; the entity gives numbers. */
export const hoursColumn = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A person's participation in a jobcenter offer that carries out one activity of the family plan. */
@Entity('offer_participation')
export class OfferParticipationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  /** The person's id in the family subgraph (no foreign key: persons live in another database). */
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  /** The `PlanActivity` (family subgraph) the offer carries out. */
  @Column({ name: 'plan_activity_id', type: 'uuid' })
  planActivityId: string;

  @Column('text')
  kind: OfferKind;

  /** The company hosting the offer, checked against the municipality's companies when the offer starts. */
  @Column({ name: 'company_id', type: 'uuid', nullable: true })
  companyId: string | null;

  @Column({ name: 'planned_start_on', type: 'date' })
  plannedStartOn: string;

  @Column({ name: 'planned_end_on', type: 'date' })
  plannedEndOn: string;

  @Column({ name: 'planned_hours_per_week', type: 'numeric', precision: 4, scale: 1, transformer: hoursColumn })
  plannedHoursPerWeek: number;

  /** The last day, once the participation has ended (as planned or early). */
  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Planned and attended hours of one participation in one ISO week; one row per week, changes kept in history. */
@Entity('offer_attendance_week')
export class AttendanceWeekEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'participation_id', type: 'uuid' })
  participationId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  /** `YYYY-Www`. */
  @Column({ name: 'iso_week', type: 'text' })
  isoWeek: string;

  /** The week's Monday, for ordering and date ranges. */
  @Column({ name: 'week_starts_on', type: 'date' })
  weekStartsOn: string;

  @Column({ name: 'planned_hours', type: 'numeric', precision: 5, scale: 2, transformer: hoursColumn })
  plannedHours: number;

  @Column({ name: 'attended_hours', type: 'numeric', precision: 5, scale: 2, transformer: hoursColumn })
  attendedHours: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
