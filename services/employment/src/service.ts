import { join } from 'node:path';
import { AuditTrail, appendAuditEvents } from '@helhed/audit';
import { callerAccessLoader, createFamilyDirectory } from '@helhed/family-directory';
import {
  startSubgraphService,
  withOperationAudit,
  type RunningSubgraphService,
  type SubgraphServiceOptions,
} from '@helhed/server';
import type { EmploymentConfig } from './config';
import { createLoaders, createStores, type EmploymentContext } from './context';
import { entities, migrations } from './db/schema';
import { OPERATION_AUDIT } from './operation-audit';
import { resolvers } from './resolvers';

export const EMPLOYMENT_SERVICE_DIR = join(__dirname, '..');

export type RunningEmploymentService = RunningSubgraphService;

/** Starts the employment subgraph: its own database (migrated), then the HTTP server. */
export function startEmploymentService(
  config: EmploymentConfig,
  options: SubgraphServiceOptions = {},
): Promise<RunningEmploymentService> {
  const directory = createFamilyDirectory(config.FAMILY_SUBGRAPH_URL);
  const settings = { offerKeptMaxGapWeeks: config.OFFER_KEPT_MAX_GAP_WEEKS };
  return startSubgraphService<EmploymentContext, ReturnType<typeof createStores>>(
    {
      name: 'employment',
      serviceDir: EMPLOYMENT_SERVICE_DIR,
      entities,
      migrations,
      resolvers: withOperationAudit<EmploymentContext>(resolvers, {
        operations: OPERATION_AUDIT,
        record: (ctx, entry) => ctx.audit.record(entry),
      }),
      stores: createStores,
      context: (base, stores) => ({
        ...base,
        stores,
        loaders: createLoaders(stores, base.identity.municipality),
        directory,
        access: callerAccessLoader(directory, base),
        audit: new AuditTrail(base.identity, base.requestId, base.purpose),
        settings,
      }),
      afterRequest: (ctx, db) => appendAuditEvents(db, ctx.audit.take()),
    },
    config,
    options,
  );
}
