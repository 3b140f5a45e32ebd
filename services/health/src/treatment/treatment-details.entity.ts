import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Treatment details of one HEALTH activity of the family plan (owned by the family subgraph). */
@Entity('treatment_details')
export class TreatmentDetailsEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The municipality of the coordinator who recorded it; only that municipality sees it. */
  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  /** The plan activity's id in the family subgraph (no foreign key: it lives in another database). */
  @Column({ name: 'plan_activity_id', type: 'uuid' })
  planActivityId: string;

  /** The member of the activity who is treated. */
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column('text')
  provider: string;

  @Column('text')
  frequency: string;

  @Column({ name: 'sessions_planned', type: 'integer' })
  sessionsPlanned: number;

  @Column({ name: 'sessions_attended', type: 'integer' })
  sessionsAttended: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
