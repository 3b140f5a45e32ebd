import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type CostUnit = 'MONTH' | 'WEEK' | 'DAY' | 'HOUR' | 'SESSION' | 'CASE';
export type Payer = 'MUNICIPALITY' | 'REGION' | 'STATE';

@Entity('price_catalogue_entry')
export class PriceCatalogueEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'cost_type', type: 'text' })
  costType: string;

  @Column('text')
  unit: CostUnit;

  /** Whole øre; bigint comes back from pg as a string and is turned into a number here. */
  @Column({ name: 'price_ore', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  priceOre: number;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  /** Who pays the price out. */
  @Column('text')
  payer: Payer;

  /** The municipality's share after reimbursement, in hundredths of a per cent (10000 = all of it). */
  @Column({ name: 'municipality_share_basis_points', type: 'integer' })
  municipalityShareBasisPoints: number;

  @Column({ name: 'is_example', type: 'boolean' })
  isExample: boolean;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
