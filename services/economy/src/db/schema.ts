import { InvestmentCaseEntity } from '../investment/investment-case.entity';
import { CostEntryEntity } from '../ledger/cost-entry.entity';
import { PriceCatalogueEntryEntity } from '../price-catalogue/price-catalogue.entity';
import { PriceCatalogue1763800000000 } from './migrations/1763800000000-PriceCatalogue';
import { CostLedger1765100000000 } from './migrations/1765100000000-CostLedger';
import { InvestmentCase1765100000001 } from './migrations/1765100000001-InvestmentCase';
import { Grant1765100000002 } from './migrations/1765100000002-Grant';
import { TenantIsolation1765400000001 } from './migrations/1765400000001-TenantIsolation';
import { AuditEvent1765720000000 } from './migrations/1765720000000-AuditEvent';
import { AuditCriterion1765750000000 } from './migrations/1765750000000-AuditCriterion';

export const entities = [PriceCatalogueEntryEntity, CostEntryEntity, InvestmentCaseEntity];
export const migrations = [
  PriceCatalogue1763800000000,
  CostLedger1765100000000,
  InvestmentCase1765100000001,
  Grant1765100000002,
  TenantIsolation1765400000001,
  AuditEvent1765720000000,
  AuditCriterion1765750000000,
];
