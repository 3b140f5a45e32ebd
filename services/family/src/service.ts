import { join } from 'node:path';
import { AuditTrail, appendAuditEvents } from '@helhed/audit';
import {
  startSubgraphService,
  withOperationAudit,
  type RunningSubgraphService,
  type SubgraphServiceOptions,
} from '@helhed/server';
import type { FamilyConfig } from './config';
import { createLoaders, createStores, type FamilyContext } from './context';
import { today } from './clock';
import { CprVault } from './cpr/cpr-vault';
import { entities, migrations } from './db/schema';
import { OPERATION_AUDIT } from './operation-audit';
import { resolvers } from './resolvers';

export const FAMILY_SERVICE_DIR = join(__dirname, '..');

export type RunningFamilyService = RunningSubgraphService;

/** Starts the family subgraph: its own database (migrated), then the HTTP server. */
export function startFamilyService(
  config: FamilyConfig,
  options: SubgraphServiceOptions = {},
): Promise<RunningFamilyService> {
  return startSubgraphService<FamilyContext, ReturnType<typeof createStores>>(
    {
      name: 'family',
      serviceDir: FAMILY_SERVICE_DIR,
      entities,
      migrations,
      resolvers: withOperationAudit<FamilyContext>(resolvers, {
        operations: OPERATION_AUDIT,
        record: (ctx, entry) => ctx.audit.record(entry),
      }),
      stores: (db) => createStores(db, new CprVault(config.CPR_ENCRYPTION_KEY, config.CPR_HASH_KEY)),
      context: (base, stores) => ({
        ...base,
        stores,
        loaders: createLoaders(stores),
        today: today(),
        consentOwnAge: config.CONSENT_OWN_AGE,
        audit: new AuditTrail(base.identity, base.requestId, base.purpose),
      }),
      afterRequest: (ctx, db) => appendAuditEvents(db, ctx.audit.take()),
    },
    config,
    options,
  );
}
