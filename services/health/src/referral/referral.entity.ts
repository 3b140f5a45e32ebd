import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReferralDestination } from './referral';

/** A referral to the regional health system (*henvisning*). */
@Entity('referral')
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The municipality of the coordinator who sent it; only that municipality sees it. */
  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  /** The person's id in the family subgraph (no foreign key: persons live in another database). */
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** The person's family when the referral was sent (from the family subgraph); for the history. */
  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'referred_to', type: 'text' })
  referredTo: ReferralDestination;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'sent_on', type: 'date' })
  sentOn: string;

  @Column({ name: 'accepted_on', type: 'date', nullable: true })
  acceptedOn: string | null;

  @Column({ name: 'first_appointment_on', type: 'date', nullable: true })
  firstAppointmentOn: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'close_reason', type: 'text', nullable: true })
  closeReason: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
