import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Sex } from '../cpr/cpr';

export type MemberRole = 'PARENT' | 'CHILD' | 'OTHER_ADULT';

@Entity('person')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'first_name', type: 'text' })
  firstName: string;

  @Column({ name: 'last_name', type: 'text' })
  lastName: string;

  @Column('text')
  role: MemberRole;

  /** AES-256-GCM sealed CPR number; see CprVault. */
  @Column({ name: 'cpr_encrypted', type: 'bytea' })
  cprEncrypted: Buffer;

  /** HMAC-SHA256 of the CPR number, for lookup. */
  @Column({ name: 'cpr_hash', type: 'bytea' })
  cprHash: Buffer;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column('text')
  sex: Sex;

  /** Set when the member has left the family (soft removal: the row and its history stay). */
  @Column({ name: 'removed_on', type: 'date', nullable: true })
  removedOn: string | null;

  @Column({ name: 'removal_reason', type: 'text', nullable: true })
  removalReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
