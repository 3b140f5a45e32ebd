import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { batchScheduleFn } from '@helhed/db';
import type { BaseContext } from '@helhed/server';
import { PriceCatalogueStore } from './price-catalogue/price-catalogue-store';
import type { PriceCatalogueEntryEntity } from './price-catalogue/price-catalogue.entity';

export function createStores(db: DataSource) {
  return { prices: new PriceCatalogueStore(db) };
}
export type Stores = ReturnType<typeof createStores>;

/** Per-request loaders: the monthly prices of all benefit types a response needs, in one statement. */
export function createLoaders(stores: Stores, municipalityCode: string) {
  return {
    monthlyPrices: new DataLoader<string, PriceCatalogueEntryEntity[]>(
      async (costTypes) => {
        const rows = await stores.prices.byCostTypes(municipalityCode, 'MONTH', costTypes);
        return costTypes.map((t) => rows.filter((r) => r.costType === t));
      },
      { batchScheduleFn },
    ),
  };
}

export interface EconomyContext extends BaseContext {
  stores: Stores;
  loaders: ReturnType<typeof createLoaders>;
}
