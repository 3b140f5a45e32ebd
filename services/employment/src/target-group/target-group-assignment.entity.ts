import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The jobcenter's target groups (*målgrupper*) of the schema's `TargetGroup`; the table's CHECK lists the same values. */
export const TARGET_GROUPS = ['JOBPARAT', 'AKTIVITETSPARAT', 'UDDANNELSESPARAT', 'UDDANNELSESPAALAEG'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** A person's target group for a period; periods of one person never overlap. */
@Entity('target_group_assignment')
export class TargetGroupAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  /** The person's id in the family subgraph. */
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** The person's family when assigned (for the history). */
  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'target_group', type: 'text' })
  targetGroup: TargetGroup;

  /** YYYY-MM-DD. */
  @Column({ name: 'from_date', type: 'date' })
  fromDate: string;

  /** YYYY-MM-DD; null while it is the person's current group. */
  @Column({ name: 'to_date', type: 'date', nullable: true })
  toDate: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
