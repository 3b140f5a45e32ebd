import { join } from 'node:path';
import { AuditTrail, appendAuditEvents } from '@helhed/audit';
import { callerAccessLoader, createFamilyDirectory } from '@helhed/family-directory';
import {
  startSubgraphService,
  withOperationAudit,
  type RunningSubgraphService,
  type SubgraphServiceOptions,
} from '@helhed/server';
import type { EconomyConfig } from './config';
import { createLoaders, createStores, type EconomyContext } from './context';
import { entities, migrations } from './db/schema';
import { recomputeMany } from './ledger/recompute';
import { OPERATION_AUDIT } from './operation-audit';
import { resolvers } from './resolvers';

export const ECONOMY_SERVICE_DIR = join(__dirname, '..');

export type RunningEconomyService = RunningSubgraphService;

/** Starts the economy subgraph: its own database (migrated), then the HTTP server. */
export function startEconomyService(
  config: EconomyConfig,
  options: SubgraphServiceOptions = {},
): Promise<RunningEconomyService> {
  const directory = createFamilyDirectory(config.FAMILY_SUBGRAPH_URL);
  return startSubgraphService<EconomyContext, ReturnType<typeof createStores>>(
    {
      name: 'economy',
      serviceDir: ECONOMY_SERVICE_DIR,
      entities,
      migrations,
      resolvers: withOperationAudit<EconomyContext>(resolvers, {
        operations: OPERATION_AUDIT,
        record: (ctx, entry) => ctx.audit.record(entry),
      }),
      stores: createStores,
      context: (base, stores) => {
        const ctx: EconomyContext = {
          ...base,
          stores,
          directory,
          access: callerAccessLoader(directory, base),
          audit: new AuditTrail(base.identity, base.requestId, base.purpose),
          loaders: createLoaders(stores, base.identity.municipality, (questions) => recomputeMany(ctx, questions)),
          settings: { costTrendThresholdPercent: config.COST_TREND_THRESHOLD_PERCENT },
        };
        return ctx;
      },
      afterRequest: (ctx, db) => appendAuditEvents(db, ctx.audit.take()),
    },
    config,
    options,
  );
}
