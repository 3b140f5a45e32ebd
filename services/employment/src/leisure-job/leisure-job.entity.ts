import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { hoursTransformer } from '../employment-period/employment-period.entity';

/** A child's leisure job (*fritidsjob*) at a company, from 13 years of age. */
@Entity('leisure_job')
export class LeisureJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  /** The child's id in the family subgraph. */
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @Column({ name: 'hours_per_week', type: 'numeric', precision: 4, scale: 1, transformer: hoursTransformer })
  hoursPerWeek: number;

  @Column({ name: 'started_on', type: 'date' })
  startedOn: string;

  /** The last day of the job; null while the child still has it. */
  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
