import type { OperationAuditMap } from '@helhed/server';
import type { EconomyContext } from './context';
import type { CostEntryEntity } from './ledger/cost-entry.entity';
import { personsOfLineFor } from './ledger/ledger-audit';

/**
 * The economy subgraph's declared operation audit (README "Access rules",
 * audit): whose ECONOMY data each change touches, beside `data-categories.ts`.
 * A manual ledger line is the data of the member it concerns, or of every member
 * of the family (current and former) when it concerns the family as a whole.
 * The price catalogue, investment cases and grants are the municipality's, not a
 * person's. `operation-audit.test.ts` fails for a mutation (or a personal query)
 * not declared here; `withOperationAudit` applies it.
 */
export const OPERATION_AUDIT: OperationAuditMap<EconomyContext> = {
  'Query.priceCatalogue': 'NOT_PERSONAL',
  'Query.investmentCases': 'NOT_PERSONAL',
  'Query.investmentCase': 'NOT_PERSONAL',

  'Mutation.addPriceCatalogueEntry': 'NOT_PERSONAL',
  'Mutation.createInvestmentCase': 'NOT_PERSONAL',
  'Mutation.setProjectGrant': 'NOT_PERSONAL',
  'Mutation.recordGrantSpending': 'NOT_PERSONAL',
  'Mutation.recordManualCost': {
    category: 'ECONOMY',
    operation: 'CREATE',
    persons: (line: CostEntryEntity | null, _args, ctx: EconomyContext) => (line ? personsOfLineFor(ctx, line) : []),
  },
  // Its resolver records the DELETE: the removed line's persons are known only before it goes.
  'Mutation.removeManualCost': 'RESOLVER',
};
