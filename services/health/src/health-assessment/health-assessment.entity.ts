import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { HealthFinding } from './health-assessment';

/** A health assessment: special-category data (GDPR art. 9), read by the health department only. */
@Entity('health_assessment')
export class HealthAssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The person's id in the family subgraph (no foreign key: persons live in another database). */
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** The municipality of the coordinator who recorded it; only that municipality sees it. */
  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  /** YYYY-MM-DD. */
  @Column({ name: 'assessed_on', type: 'date' })
  assessedOn: string;

  /** The user id of the coordinator who recorded it. */
  @Column({ name: 'assessed_by', type: 'text' })
  assessedBy: string;

  @Column({ type: 'text', nullable: true })
  physical: string | null;

  @Column({ type: 'text', nullable: true })
  mental: string | null;

  @Column({ name: 'substance_use', type: 'text', nullable: true })
  substanceUse: string | null;

  @Column({ type: 'text', nullable: true })
  recommendations: string | null;

  @Column({ name: 'summary_for_team', type: 'text' })
  summaryForTeam: string;

  /** Findings per area, in area order (PHYSICAL first); clinical: the HEALTH department only. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  findings: HealthFinding[];

  /** The person's family when recorded (from the family subgraph), for the history; null on older rows. */
  @Column({ name: 'family_id', type: 'uuid', nullable: true })
  familyId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** When and by whom the assessment was last revised; null until then. */
  @Column({ name: 'revised_at', type: 'timestamptz', nullable: true })
  revisedAt: Date | null;

  @Column({ name: 'revised_by', type: 'text', nullable: true })
  revisedBy: string | null;
}
