import { In, type DataSource } from 'typeorm';
import { PersonEntity } from './person.entity';

export class PersonStore {
  constructor(private readonly db: DataSource) {}

  byIds(ids: readonly string[]): Promise<PersonEntity[]> {
    return this.db.getRepository(PersonEntity).findBy({ id: In([...ids]) });
  }

  /** Members of many families in one statement, oldest first within each family. */
  byFamilyIds(familyIds: readonly string[]): Promise<PersonEntity[]> {
    return this.db.getRepository(PersonEntity).find({
      where: { familyId: In([...familyIds]) },
      order: { birthDate: 'ASC', id: 'ASC' },
    });
  }
}
