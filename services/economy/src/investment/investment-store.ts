import { In, type DataSource } from 'typeorm';
import { InvestmentCaseEntity } from './investment-case.entity';

export class InvestmentStore {
  constructor(private readonly db: DataSource) {}

  list(municipalityCode: string) {
    return this.db.getRepository(InvestmentCaseEntity).find({
      where: { municipalityCode },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  byIds(municipalityCode: string, ids: readonly string[]) {
    return this.db.getRepository(InvestmentCaseEntity).find({ where: { municipalityCode, id: In([...ids]) } });
  }

  add(row: Partial<InvestmentCaseEntity>) {
    const repo = this.db.getRepository(InvestmentCaseEntity);
    return repo.save(repo.create(row));
  }
}
