import type { GraphQLResolveInfo } from 'graphql';
import { fieldPathOf } from '@helhed/audit';
import { authorize } from '@helhed/identity';
import type { HealthContext } from '../context';

/**
 * The one authorisation point for health data: the caller's own municipality,
 * and (by authorize's rule for HEALTH) the health department only. It is
 * passed before anything is loaded, so other departments learn nothing.
 */
export function authorizeHealth(ctx: HealthContext, operation: 'read' | 'write', what: string): void {
  authorize(ctx.identity, { municipality: ctx.identity.municipality, category: 'HEALTH', operation, what });
}

/** Notes a read of a person's health data; called only once the authorisation point said yes. */
export function auditRead(ctx: HealthContext, personId: string, info: GraphQLResolveInfo): void {
  ctx.audit.record({ personId, category: 'HEALTH', fieldPath: fieldPathOf(info.path), operation: 'READ' });
}

/** Notes a change of a person's health data. */
export function auditWrite(ctx: HealthContext, personId: string, fieldPath: string, operation: 'CREATE' | 'UPDATE') {
  ctx.audit.record({ personId, category: 'HEALTH', fieldPath, operation });
}
