import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Department } from '@helhed/identity';

/** A caseworker's membership of a family's team, from one day to another (kept when it ends, never deleted). */
@Entity('family_team_member')
export class FamilyTeamMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'caseworker_id', type: 'uuid' })
  caseworkerId: string;

  /** The caseworker's department when they joined the team. */
  @Column('text')
  department: Department;

  /** The caseworker's role on the team in their own words, e.g. "jobkonsulent", if given. */
  @Column({ type: 'text', nullable: true })
  role: string | null;

  @Column({ name: 'from_date', type: 'date' })
  from: string;

  /** The last day on the team; null while the membership is open-ended. */
  @Column({ name: 'to_date', type: 'date', nullable: true })
  to: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
