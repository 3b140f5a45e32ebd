import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const RISK_STATUSES = ['OPEN', 'MITIGATED', 'CLOSED', 'OCCURRED'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** A risk to a project, scored likelihood × impact. */
@Entity('risk')
export class RiskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column('text')
  description: string;

  @Column('smallint')
  likelihood: number;

  @Column('smallint')
  impact: number;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ type: 'text', nullable: true })
  mitigation: string | null;

  @Column('text')
  status: RiskStatus;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
