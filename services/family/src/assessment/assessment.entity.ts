import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Department } from '@helhed/identity';

export const ASSESSMENT_DOMAINS = ['SOCIAL', 'HEALTH', 'EMPLOYMENT'] as const;
export type AssessmentDomain = (typeof ASSESSMENT_DOMAINS)[number];

/** A cross-disciplinary assessment: the stable id and which version is current. */
@Entity('assessment')
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'current_version', type: 'integer' })
  currentVersion: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One version of an assessment, as it was recorded or revised. Never changed afterwards. */
@Entity('assessment_version')
export class AssessmentVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column('integer')
  version: number;

  @Column({ name: 'assessed_on', type: 'date' })
  assessedOn: string;

  @Column({ name: 'revision_reason', type: 'text', nullable: true })
  revisionReason: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A caseworker who took part in one version, with the department they took part for. */
@Entity('assessment_participant')
export class AssessmentParticipantEntity {
  @PrimaryColumn({ name: 'assessment_version_id', type: 'uuid' })
  assessmentVersionId: string;

  @PrimaryColumn({ name: 'caseworker_id', type: 'uuid' })
  caseworkerId: string;

  @Column('text')
  department: Department;

  @Column('smallint')
  position: number;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Resources, challenges, wishes and needs in one domain, in one version. */
@Entity('assessment_finding')
export class AssessmentFindingEntity {
  @PrimaryColumn({ name: 'assessment_version_id', type: 'uuid' })
  assessmentVersionId: string;

  @PrimaryColumn('text')
  domain: AssessmentDomain;

  @Column('text')
  resources: string;

  @Column('text')
  challenges: string;

  @Column('text')
  wishes: string;

  @Column('text')
  needs: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
