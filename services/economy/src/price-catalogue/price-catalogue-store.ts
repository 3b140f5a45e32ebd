import { In, IsNull, LessThanOrEqual, MoreThanOrEqual, type DataSource } from 'typeorm';
import { UserInputError } from '@helhed/errors';
import { PriceCatalogueEntryEntity, type CostUnit } from './price-catalogue.entity';
import type { ValidPrice } from './price-catalogue';

export class PriceCatalogueStore {
  constructor(private readonly db: DataSource) {}

  list(municipalityCode: string, validOn?: string | null): Promise<PriceCatalogueEntryEntity[]> {
    const repo = this.db.getRepository(PriceCatalogueEntryEntity);
    const order = { costType: 'ASC', unit: 'ASC', validFrom: 'ASC' } as const;
    if (!validOn) return repo.find({ where: { municipalityCode }, order });
    return repo.find({
      where: [
        { municipalityCode, validFrom: LessThanOrEqual(validOn), validTo: MoreThanOrEqual(validOn) },
        { municipalityCode, validFrom: LessThanOrEqual(validOn), validTo: IsNull() },
      ],
      order,
    });
  }

  /** All prices of some cost types in one unit: one statement for a whole request's cost questions. */
  byCostTypes(municipalityCode: string, unit: CostUnit, costTypes: readonly string[]) {
    return this.db.getRepository(PriceCatalogueEntryEntity).find({
      where: { municipalityCode, unit, costType: In([...costTypes]) },
      order: { validFrom: 'ASC' },
    });
  }

  /** The unit a municipality prices a cost type in, or null when it has no price of that type. */
  async unitOf(municipalityCode: string, costType: string): Promise<CostUnit | null> {
    const row = await this.db
      .getRepository(PriceCatalogueEntryEntity)
      .findOne({ where: { municipalityCode, costType } });
    return row?.unit ?? null;
  }

  byIds(municipalityCode: string, ids: readonly string[]) {
    return this.db.getRepository(PriceCatalogueEntryEntity).find({ where: { municipalityCode, id: In([...ids]) } });
  }

  /** The municipality's whole catalogue (a few dozen rows): one statement per request that prices anything. */
  all(municipalityCode: string) {
    return this.db.getRepository(PriceCatalogueEntryEntity).find({ where: { municipalityCode } });
  }

  async add(municipalityCode: string, price: ValidPrice, createdBy: string) {
    const repo = this.db.getRepository(PriceCatalogueEntryEntity);
    try {
      return await repo.save(repo.create({ ...price, municipalityCode, createdBy }));
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'price_catalogue_entry_no_overlap') {
        throw new UserInputError(
          'input.validFrom',
          `${price.costType} per ${price.unit} already has a price for part of this period; end that price first`,
        );
      }
      throw error;
    }
  }
}
