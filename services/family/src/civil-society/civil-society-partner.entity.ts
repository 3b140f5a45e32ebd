import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const PARTNER_KINDS = [
  'SPORTS_CLUB',
  'VOLUNTEER_ORGANISATION',
  'CULTURAL_ASSOCIATION',
  'FAITH_COMMUNITY',
  'OTHER',
] as const;
export type CivilSocietyPartnerKind = (typeof PARTNER_KINDS)[number];

/** A civil-society organisation the municipality works with (*civilsamfundspartner*). */
@Entity('civil_society_partner')
export class CivilSocietyPartnerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: CivilSocietyPartnerKind;

  /** How to reach the partner: a contact person, phone or email (organisation data, not citizens'). */
  @Column({ type: 'text', nullable: true })
  contact: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
