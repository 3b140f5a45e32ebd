import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change to a service's records: who, when, what it was before and after.
 * Append-only. Each service has its own `change_record` table (created by its own migration).
 */
@Entity('change_record')
export class ChangeRecordEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid', nullable: true })
  familyId: string | null;

  /** The kind of thing changed, e.g. `Family`, `Person`, `PlanActivity`. */
  @Column('text')
  entity: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId: string;

  /** CREATE, UPDATE, CLOSE, REMOVE, WITHDRAW, ... */
  @Column('text')
  operation: string;

  @Column({ name: 'changed_by', type: 'text' })
  changedBy: string;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt: Date;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
