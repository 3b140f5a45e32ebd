import { PriceCatalogueEntryEntity } from '../price-catalogue/price-catalogue.entity';
import { PriceCatalogue1763800000000 } from './migrations/1763800000000-PriceCatalogue';

export const entities = [PriceCatalogueEntryEntity];
export const migrations = [PriceCatalogue1763800000000];
