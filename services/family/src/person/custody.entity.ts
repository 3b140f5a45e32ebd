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

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
