import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Payer } from '../price-catalogue/price-catalogue.entity';
import type { InvestmentOutcome } from './investment';

const bigint = { to: (v: number) => v, from: (v: string) => Number(v) };

/** An investment case; its outcomes are one document (jsonb), read and written whole. */
@Entity('investment_case')
export class InvestmentCaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column('text')
  name: string;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId: string | null;

  @Column('integer')
  participants: number;

  @Column({ name: 'horizon_years', type: 'integer' })
  horizonYears: number;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'discount_rate_basis_points', type: 'integer' })
  discountRateBasisPoints: number;

  @Column({ name: 'price_date', type: 'date' })
  priceDate: string;

  @Column({ name: 'start_up_cost_ore', type: 'bigint', transformer: bigint })
  startUpCostOre: number;

  @Column({ name: 'running_cost_per_year_ore', type: 'bigint', transformer: bigint })
  runningCostPerYearOre: number;

  @Column({ name: 'effort_payer', type: 'text' })
  effortPayer: Payer;

  @Column('jsonb')
  outcomes: InvestmentOutcome[];

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
