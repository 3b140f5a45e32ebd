import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The benefits of the schema's `BenefitType`; the table's CHECK lists the same values. */
export const BENEFIT_TYPES = [
  'KONTANTHJAELP',
  'UDDANNELSESHJAELP',
  'SELVFORSOERGELSESYDELSE',
  'SYGEDAGPENGE',
  'RESSOURCEFORLOEBSYDELSE',
  'LEDIGHEDSYDELSE',
  'FLEKSJOB',
  'FOERTIDSPENSION',
  'NONE',
] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

@Entity('benefit_period')
export class BenefitPeriodEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The person's id in the family subgraph (no foreign key: persons live in another database). */
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** The person's family (from the family subgraph when recorded); null on periods recorded before it was kept. */
  @Column({ name: 'family_id', type: 'uuid', nullable: true })
  familyId: string | null;

  /** The municipality of the caseworker who recorded it; only that municipality sees it. */
  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column('text')
  type: BenefitType;

  /** YYYY-MM-DD. */
  @Column({ name: 'from_date', type: 'date' })
  fromDate: string;

  /** YYYY-MM-DD; null while the period is ongoing. */
  @Column({ name: 'to_date', type: 'date', nullable: true })
  toDate: string | null;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
