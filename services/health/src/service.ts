import { join } from 'node:path';
import { AuditTrail, appendAuditEvents } from '@helhed/audit';
import { callerAccessLoader, createFamilyDirectory } from '@helhed/family-directory';
import {
  startSubgraphService,
  withOperationAudit,
  type RunningSubgraphService,
  type SubgraphServiceOptions,
} from '@helhed/server';
import type { HealthConfig } from './config';
import { createLoaders, createStores, type HealthContext } from './context';
import { today } from './dates';
import { entities, migrations } from './db/schema';
import { OPERATION_AUDIT } from './operation-audit';
import { resolvers } from './resolvers';

export const HEALTH_SERVICE_DIR = join(__dirname, '..');

export type RunningHealthService = RunningSubgraphService;

/** Starts the health subgraph: its own database (migrated), then the HTTP server. */
export function startHealthService(
  config: HealthConfig,
  options: SubgraphServiceOptions = {},
): Promise<RunningHealthService> {
  const directory = createFamilyDirectory(config.FAMILY_SUBGRAPH_URL);
  return startSubgraphService<HealthContext, ReturnType<typeof createStores>>(
    {
      name: 'health',
      serviceDir: HEALTH_SERVICE_DIR,
      entities,
      migrations,
      resolvers: withOperationAudit<HealthContext>(resolvers, {
        operations: OPERATION_AUDIT,
        record: (ctx, entry) => ctx.audit.record(entry),
      }),
      stores: createStores,
      context: (base, stores) => ({
        ...base,
        stores,
        loaders: createLoaders(stores, base.identity.municipality),
        today: today(),
        directory,
        access: callerAccessLoader(directory, base),
        audit: new AuditTrail(base.identity, base.requestId, base.purpose),
      }),
      afterRequest: (ctx, db) => appendAuditEvents(db, ctx.audit.take()),
    },
    config,
    options,
  );
}
