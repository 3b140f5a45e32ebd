import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A period in which a caseworker is the family's one contact person (*kontaktperson*). */
@Entity('contact_person_assignment')
export class ContactPersonAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'caseworker_id', type: 'uuid' })
  caseworkerId: string;

  @Column({ name: 'from_date', type: 'date' })
  from: string;

  /** The last day as contact person; null for the latest assignment, ended when another contact person is named. */
  @Column({ name: 'to_date', type: 'date', nullable: true })
  to: string | null;

  /** Why this caseworker became the contact person, if given. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
