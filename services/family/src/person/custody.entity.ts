import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An adult member holding custody (*forældremyndighed*) of a child of the family. */
@Entity('custody')
export class CustodyEntity {
  @PrimaryColumn({ name: 'child_id', type: 'uuid' })
  childId: string;

  @PrimaryColumn({ name: 'holder_id', type: 'uuid' })
  holderId: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  /** The day the holder's (current) custody was registered from. */
  @Column({ name: 'started_on', type: 'date' })
  startedOn: string;

  /** Set when the holder was replaced: the row stays, as the record that they held custody. */
  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ name: 'ended_by', type: 'text', nullable: true })
  endedBy: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
