import { In, type DataSource } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import type { Department } from '@helhed/identity';
import { CaseworkerEntity, type CaseworkerRole } from './caseworker.entity';

export class CaseworkerStore {
  constructor(private readonly db: DataSource) {}

  byIds(ids: readonly string[]): Promise<CaseworkerEntity[]> {
    return this.db.getRepository(CaseworkerEntity).findBy({ id: In([...ids]) });
  }

  list(municipalityCode: string, department?: Department | null): Promise<CaseworkerEntity[]> {
    return this.db.getRepository(CaseworkerEntity).find({
      where: { municipalityCode, ...(department ? { department } : {}) },
      order: { name: 'ASC' },
    });
  }

  async create(row: {
    municipalityCode: string;
    name: string;
    email: string;
    department: Department;
    roles: CaseworkerRole[];
  }): Promise<CaseworkerEntity> {
    try {
      return await this.db.getRepository(CaseworkerEntity).save(this.db.getRepository(CaseworkerEntity).create(row));
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw new UserInputError('input.email', 'A caseworker with this email is already registered');
      throw error;
    }
  }
}
