import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DataCategory, Department } from '@helhed/identity';

/**
 * Another legal basis (*hjemmel*) than consent for sharing a person's data,
 * e.g. servicelovens § 49 b or § 11: the rule is named by a code and cited.
 */
@Entity('legal_basis')
export class LegalBasisEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ type: 'text', array: true })
  departments: Department[];

  @Column({ type: 'text', array: true })
  categories: DataCategory[];

  /** e.g. SEL_49B, SERVICELOVEN_11. */
  @Column('text')
  code: string;

  @Column('text')
  citation: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
