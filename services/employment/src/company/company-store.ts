import { In, type DataSource } from 'typeorm';
import { keysetPage, type PageArgs } from '@helhed/db';
import { UserInputError } from '@helhed/errors';
import type { HistoryStore } from '@helhed/history';
import { isUniqueViolation } from '../person/person-lock';
import { EmploymentPeriodEntity } from '../employment-period/employment-period.entity';
import { LeisureJobEntity } from '../leisure-job/leisure-job.entity';
import { OfferParticipationEntity } from '../offer/offer-participation.entity';
import { CompanyEntity, PartnershipAgreementEntity } from './company.entity';
import type { ValidCompany, ValidPartnership } from './company';

const TAKEN = 'A company with this CVR number is registered in your municipality already';

/** Companies and their partnership agreements; every write keeps its history row (companies belong to no family). */
export class CompanyStore {
  constructor(
    private readonly db: DataSource,
    private readonly history: HistoryStore,
  ) {}

  byIds(ids: readonly string[]): Promise<CompanyEntity[]> {
    return this.db.getRepository(CompanyEntity).findBy({ id: In([...ids]) });
  }

  byCvr(municipalityCode: string, cvr: string): Promise<CompanyEntity | null> {
    return this.db.getRepository(CompanyEntity).findOneBy({ municipalityCode, cvr });
  }

  /** A page of the municipality's companies by name. */
  page(municipalityCode: string, args: PageArgs) {
    const qb = this.db
      .getRepository(CompanyEntity)
      .createQueryBuilder('c')
      .where('c.municipality_code = :municipalityCode', { municipalityCode });
    return keysetPage(qb, args, { column: 'c.name', idColumn: 'c.id', value: (c) => c.name });
  }

  /** The agreements of many companies in one statement, by start date. */
  agreementsOf(companyIds: readonly string[]): Promise<PartnershipAgreementEntity[]> {
    return this.db.getRepository(PartnershipAgreementEntity).find({
      where: { companyId: In([...companyIds]) },
      order: { fromDate: 'ASC', id: 'ASC' },
    });
  }

  /** The employment periods at many companies in one statement, by start date. */
  employmentPeriodsAt(municipalityCode: string, companyIds: readonly string[]): Promise<EmploymentPeriodEntity[]> {
    return this.db.getRepository(EmploymentPeriodEntity).find({
      where: { municipalityCode, companyId: In([...companyIds]) },
      order: { fromDate: 'ASC', id: 'ASC' },
    });
  }

  /** The leisure jobs at many companies in one statement, by start date. */
  leisureJobsAt(municipalityCode: string, companyIds: readonly string[]): Promise<LeisureJobEntity[]> {
    return this.db.getRepository(LeisureJobEntity).find({
      where: { municipalityCode, companyId: In([...companyIds]) },
      order: { startedOn: 'ASC', id: 'ASC' },
    });
  }

  /** The offer participations (offer folder's table) hosted by many companies in one statement, by planned start. */
  offerParticipationsAt(municipalityCode: string, companyIds: readonly string[]): Promise<OfferParticipationEntity[]> {
    return this.db.getRepository(OfferParticipationEntity).find({
      where: { municipalityCode, companyId: In([...companyIds]) },
      order: { plannedStartOn: 'ASC', id: 'ASC' },
    });
  }

  async register(company: ValidCompany, municipalityCode: string, createdBy: string): Promise<CompanyEntity> {
    try {
      return await this.db.transaction(async (tx) => {
        const repo = tx.getRepository(CompanyEntity);
        const row = await repo.save(repo.create({ ...company, municipalityCode, createdBy }));
        await this.history.record(tx, [
          {
            municipalityCode,
            familyId: null,
            entity: 'Company',
            entityId: row.id,
            operation: 'CREATE',
            changedBy: createdBy,
            after: row,
          },
        ]);
        return row;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new UserInputError('input.cvr', TAKEN);
      throw error;
    }
  }

  async addAgreement(
    company: CompanyEntity,
    agreement: ValidPartnership,
    createdBy: string,
  ): Promise<PartnershipAgreementEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(PartnershipAgreementEntity);
      const row = await repo.save(
        repo.create({ ...agreement, companyId: company.id, municipalityCode: company.municipalityCode, createdBy }),
      );
      await this.history.record(tx, [
        {
          municipalityCode: company.municipalityCode,
          familyId: null,
          entity: 'PartnershipAgreement',
          entityId: row.id,
          operation: 'CREATE',
          changedBy: createdBy,
          after: row,
        },
      ]);
      return row;
    });
  }
}
