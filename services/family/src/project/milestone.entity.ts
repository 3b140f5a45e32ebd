import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const MILESTONE_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'DELAYED'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** A milestone of a project's plan. */
@Entity('milestone')
export class MilestoneEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column('text')
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ name: 'done_on', type: 'date', nullable: true })
  doneOn: string | null;

  @Column('text')
  status: MilestoneStatus;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
