import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Corrections, RegistrationValues } from './registration';

/**
 * The caseworker's confirmation of the jobcenter's part of a person's month:
 * the values derived at the time and the corrections, kept side by side. One
 * row per person and month; a later confirmation replaces it, the earlier one
 * stays in the history.
 */
@Entity('employment_registration_confirmation')
export class RegistrationConfirmationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  /** YYYY-MM. */
  @Column({ type: 'char', length: 7 })
  month: string;

  /** The values derived from the records when the month was confirmed. */
  @Column({ type: 'jsonb' })
  derived: RegistrationValues;

  /** The fields the caseworker corrected, with the corrected values. */
  @Column({ type: 'jsonb' })
  corrections: Corrections;

  @Column({ name: 'confirmed_by', type: 'text' })
  confirmedBy: string;

  @Column({ name: 'confirmed_at', type: 'timestamptz' })
  confirmedAt: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
