import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { batchScheduleFn } from '@helhed/db';
import { AuditLogReader, type AuditTrail } from '@helhed/audit';
import type { CallerAccess, DirectoryCategory, FamilyDirectory } from '@helhed/family-directory';
import type { BaseContext } from '@helhed/server';
import { GrantStore, type GrantRow } from './grant/grant-store';
import { InvestmentStore } from './investment/investment-store';
import type { InvestmentCaseEntity } from './investment/investment-case.entity';
import type { CostEntryEntity } from './ledger/cost-entry.entity';
import { LedgerStore } from './ledger/ledger-store';
import type { LedgerQuestion } from './ledger/recompute';
import { PriceCatalogueStore } from './price-catalogue/price-catalogue-store';
import type { PriceCatalogueEntryEntity } from './price-catalogue/price-catalogue.entity';

export function createStores(db: DataSource) {
  return {
    prices: new PriceCatalogueStore(db),
    ledger: new LedgerStore(db),
    investments: new InvestmentStore(db),
    grants: new GrantStore(db),
    /** Economy's own audit rows, for a person's access log (`AccessLog.economyEntries`). */
    auditLog: new AuditLogReader(db),
  };
}
export type Stores = ReturnType<typeof createStores>;

/** Settings the resolvers need. */
export interface EconomySettings {
  /** A change of costs against the baseline within ± this many per cent is STABILISED. */
  costTrendThresholdPercent: number;
}

/** Per-request loaders: the monthly prices of all benefit types a response needs, in one statement. */
export function createLoaders(
  stores: Stores,
  municipalityCode: string,
  ledgerBatch: (questions: readonly LedgerQuestion[]) => Promise<CostEntryEntity[][]>,
) {
  let catalogue: Promise<PriceCatalogueEntryEntity[]> | undefined;
  return {
    /** Families' ledger rows, recomputed together for everything one request asks (not cached: it writes). */
    ledger: new DataLoader<LedgerQuestion, CostEntryEntity[]>((qs) => ledgerBatch(qs), {
      batchScheduleFn,
      cache: false,
    }),
    monthlyPrices: new DataLoader<string, PriceCatalogueEntryEntity[]>(
      async (costTypes) => {
        const rows = await stores.prices.byCostTypes(municipalityCode, 'MONTH', costTypes);
        return costTypes.map((t) => rows.filter((r) => r.costType === t));
      },
      { batchScheduleFn },
    ),
    /** The municipality's whole catalogue, read once per request. */
    catalogue: () => (catalogue ??= stores.prices.all(municipalityCode)),
    price: new DataLoader<string, PriceCatalogueEntryEntity | null>(
      async (ids) => {
        const rows = await stores.prices.byIds(municipalityCode, ids);
        return ids.map((id) => rows.find((r) => r.id === id) ?? null);
      },
      { batchScheduleFn },
    ),
    grant: new DataLoader<string, GrantRow | null>(
      async (projectIds) => {
        const rows = await stores.grants.byProjects(municipalityCode, projectIds);
        return projectIds.map((id) => rows.find((r) => r.projectId === id) ?? null);
      },
      { batchScheduleFn },
    ),
    investmentCase: new DataLoader<string, InvestmentCaseEntity | null>(
      async (ids) => {
        const rows = await stores.investments.byIds(municipalityCode, ids);
        return ids.map((id) => rows.find((r) => r.id === id) ?? null);
      },
      { batchScheduleFn },
    ),
  };
}

export interface EconomyContext extends BaseContext {
  stores: Stores;
  loaders: ReturnType<typeof createLoaders>;
  settings: EconomySettings;
  /** Asks the family subgraph whether families and persons exist (for writes, which get no @requires). */
  directory: FamilyDirectory;
  /**
   * The caller's team, sharing and project facts for a person's category, asked of
   * the family subgraph once per category per request (`callerAccessLoader`).
   */
  access: (personId: string, category: DirectoryCategory) => Promise<CallerAccess | null>;
  /** The request's reads of families' and persons' costs, written in one insert at its end. */
  audit: AuditTrail;
}
