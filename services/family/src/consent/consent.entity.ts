import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DataCategory, Department } from '@helhed/identity';

/**
 * A consent (*samtykke*) to share a person's data of some categories with some
 * departments. Never deleted: a withdrawal sets `withdrawnOn` and keeps the row.
 */
@Entity('consent')
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  /** Whose data the consent is about. */
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** The member who gave it: the person, or a custody holder for a child. */
  @Column({ name: 'given_by_id', type: 'uuid' })
  givenById: string;

  /** The departments that may receive the data. */
  @Column({ type: 'text', array: true })
  departments: Department[];

  @Column({ type: 'text', array: true })
  categories: DataCategory[];

  @Column('text')
  purpose: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  /** From this day the consent no longer covers anything. */
  @Column({ name: 'withdrawn_on', type: 'date', nullable: true })
  withdrawnOn: string | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason: string | null;

  /** The user id of the caseworker who recorded it. */
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
