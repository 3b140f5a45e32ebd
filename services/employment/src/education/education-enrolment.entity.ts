import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The levels of the schema's `EducationLevel`; the table's CHECK lists the same values. */
export const EDUCATION_LEVELS = ['PRIMARY_SCHOOL_COMPLETION', 'YOUTH_EDUCATION', 'VOCATIONAL', 'HIGHER'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_OUTCOMES = ['COMPLETED', 'DROPPED_OUT'] as const;
export type EducationOutcome = (typeof EDUCATION_OUTCOMES)[number];

/** A person's enrolment in an education, and how it ended. */
@Entity('education_enrolment')
export class EducationEnrolmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column('text')
  level: EducationLevel;

  @Column('text')
  institution: string;

  @Column({ name: 'started_on', type: 'date' })
  startedOn: string;

  @Column({ name: 'expected_end_on', type: 'date', nullable: true })
  expectedEndOn: string | null;

  /** Null while the person is enrolled. */
  @Column({ type: 'text', nullable: true })
  outcome: EducationOutcome | null;

  /** The day of completion or drop-out; set with the outcome. */
  @Column({ name: 'outcome_on', type: 'date', nullable: true })
  outcomeOn: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
