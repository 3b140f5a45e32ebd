import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Department } from '@helhed/identity';

export type CaseworkerRole = 'CASEWORKER' | 'PROJECT_LEAD' | 'ADMIN';

@Entity('caseworker')
export class CaseworkerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column('text')
  name: string;

  @Column('text')
  email: string;

  @Column('text')
  department: Department;

  @Column('text', { array: true })
  roles: CaseworkerRole[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
