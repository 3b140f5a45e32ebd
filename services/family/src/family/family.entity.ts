import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type FamilyStatus = 'INTAKE' | 'ACTIVE' | 'CLOSED';

@Entity('family')
export class FamilyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'case_reference', type: 'text' })
  caseReference: string;

  @Column('text')
  status: FamilyStatus;

  @Column({ name: 'enrolment_date', type: 'date', nullable: true })
  enrolmentDate: string | null;

  /** Set when the family is closed (status CLOSED); never before the enrolment date. */
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'close_reason', type: 'text', nullable: true })
  closeReason: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  /** Millisecond precision: the list cursor carries it exactly. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
