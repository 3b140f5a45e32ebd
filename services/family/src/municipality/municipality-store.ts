import { In, type DataSource } from 'typeorm';
import { MunicipalityEntity } from './municipality.entity';

export class MunicipalityStore {
  constructor(private readonly db: DataSource) {}

  byCodes(codes: readonly string[]): Promise<MunicipalityEntity[]> {
    return this.db.getRepository(MunicipalityEntity).findBy({ code: In([...codes]) });
  }

  /** Inserts or renames; returns the stored row. */
  async upsert(code: string, name: string): Promise<MunicipalityEntity> {
    await this.db
      .createQueryBuilder()
      .insert()
      .into(MunicipalityEntity)
      .values({ code, name })
      .orUpdate(['name'], ['code'])
      .execute();
    return this.db.getRepository(MunicipalityEntity).findOneByOrFail({ code });
  }
}
