import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The kinds of the schema's `EmploymentKind`; the table's CHECK lists the same values. */
export const EMPLOYMENT_KINDS = ['NONE', 'ORDINARY_PART_TIME', 'ORDINARY_FULL_TIME', 'FLEX_JOB', 'SUBSIDISED'] as const;
export type EmploymentKind = (typeof EMPLOYMENT_KINDS)[number];

/** Numeric columns come back from PostgreSQL as strings; the entity gives numbers. */
export const hoursTransformer = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A period of a person's employment situation; a person's periods never overlap. */
@Entity('employment_period')
export class EmploymentPeriodEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  /** The person's id in the family subgraph. */
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column('text')
  kind: EmploymentKind;

  @Column({ name: 'hours_per_week', type: 'numeric', precision: 4, scale: 1, transformer: hoursTransformer })
  hoursPerWeek: number;

  /** The employer (a company of the same municipality); null for NONE. */
  @Column({ name: 'company_id', type: 'uuid', nullable: true })
  companyId: string | null;

  @Column({ name: 'from_date', type: 'date' })
  fromDate: string;

  @Column({ name: 'to_date', type: 'date', nullable: true })
  toDate: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
