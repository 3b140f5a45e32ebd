import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Department } from '../price-catalogue/cost-types';
import type { CostUnit } from '../price-catalogue/price-catalogue.entity';
import type { CostSource } from './derive';

const bigint = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** One line of the cost ledger (see the `cost_entry` migration). */
@Entity('cost_entry')
export class CostEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId: string | null;

  @Column('text')
  department: Department;

  @Column({ name: 'cost_type', type: 'text' })
  costType: string;

  @Column({ type: 'char', length: 7 })
  month: string;

  @Column({ name: 'quantity_milli', type: 'bigint', transformer: bigint })
  quantityMilli: number;

  @Column('text')
  unit: CostUnit;

  @Column({ name: 'unit_price_ore', type: 'bigint', transformer: bigint })
  unitPriceOre: number;

  @Column({ name: 'amount_ore', type: 'bigint', transformer: bigint })
  amountOre: number;

  @Column('text')
  source: CostSource;

  @Column({ name: 'derived_from_id', type: 'uuid', nullable: true })
  derivedFromId: string | null;

  @Column({ name: 'price_id', type: 'uuid', nullable: true })
  priceId: string | null;

  @Column({ name: 'derived_key', type: 'text', nullable: true })
  derivedKey: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
