import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The kinds of the schema's `PartnershipKind`; the table's CHECK lists the same values. */
export const PARTNERSHIP_KINDS = ['INTERNSHIP_PLACES', 'LEISURE_JOBS', 'WAGE_SUBSIDY'] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];

/** A company the jobcenter works with; one per CVR number in a municipality. */
@Entity('company')
export class CompanyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  /** 8 digits, modulus-11 checked. */
  @Column({ type: 'char', length: 8 })
  cvr: string;

  @Column('text')
  name: string;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** An agreement with a company to provide places (internships, leisure jobs, wage-subsidy jobs) for a period. */
@Entity('partnership_agreement')
export class PartnershipAgreementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @Column('text')
  kind: PartnershipKind;

  @Column({ name: 'from_date', type: 'date' })
  fromDate: string;

  @Column({ name: 'to_date', type: 'date', nullable: true })
  toDate: string | null;

  /** How many places the company offers, if agreed. */
  @Column({ type: 'int', nullable: true })
  places: number | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
