import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The health part of a person's monthly registration; one row per person and month. */
@Entity('health_indicators')
export class HealthIndicatorsEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The municipality of the coordinator who recorded it; only that municipality sees it. */
  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  /** The person's id in the family subgraph (no foreign key: persons live in another database). */
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** The person's family when recorded (from the family subgraph); for the history. */
  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  /** YYYY-MM. */
  @Column({ type: 'char', length: 7 })
  month: string;

  /** The five WHO-5 item scores, 0–5 each. */
  @Column({ name: 'who5_items', type: 'smallint', array: true })
  who5Items: number[];

  @Column({ name: 'self_rated_health', type: 'smallint' })
  selfRatedHealth: number;

  @Column({ name: 'in_treatment', type: 'boolean' })
  inTreatment: boolean;

  @Column({ name: 'attending_as_planned', type: 'boolean' })
  attendingAsPlanned: boolean;

  /** Who recorded the values as they are now, and when (a re-recording changes these). */
  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  /** Who first recorded the month. */
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
