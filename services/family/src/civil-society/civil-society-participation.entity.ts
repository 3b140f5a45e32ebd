import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** numeric comes back from PostgreSQL as text; hours are a number in the code. */
const hours = {
  to: (value: number) => value,
  from: (value: string | null) => (value === null ? value : Number(value)),
};

/** A family member's activity with a civil-society partner (a club, volunteer work, ...). */
@Entity('civil_society_participation')
export class CivilSocietyParticipationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId: string;

  @Column('text')
  activity: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  /** The last day; null while the activity goes on. */
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ name: 'hours_per_week', type: 'numeric', precision: 4, scale: 1, transformer: hours })
  hoursPerWeek: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
