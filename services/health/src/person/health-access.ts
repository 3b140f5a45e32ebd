import type { GraphQLResolveInfo } from 'graphql';
import { fieldPathOf } from '@helhed/audit';
import { authorize } from '@helhed/identity';
import type { HealthContext } from '../context';

/**
 * The authorisation point for health data the HEALTH department alone reads
 * and writes (writes, health indicators): the caller's own municipality and
 * the health department only. It is passed before anything is loaded, so
 * other departments learn nothing.
 */
export function authorizeHealth(ctx: HealthContext, operation: 'read' | 'write', what: string): void {
  authorize(ctx.identity, { municipality: ctx.identity.municipality, category: 'HEALTH', operation, what });
}

/**
 * The floor of a root field or entity reference (a record asked by its id):
 * refuses other municipalities, national monitors and the reminder worker
 * before anything is loaded. What the caller then sees of the record is the
 * declared policy's, field by field (`resolvers.ts`, `person/health-view.ts`).
 */
export function authorizeExistence(ctx: HealthContext, what: string): void {
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'HEALTH',
    operation: 'read',
    what,
    limitedHealthView: ctx.identity.department === 'HEALTH' ? undefined : 'EXISTENCE',
  });
}

/**
 * Notes a read of a person's health data where the declared policy does not
 * (the monthly registration's state); called only once the authorisation point said yes.
 */
export function auditRead(ctx: HealthContext, personId: string, info: GraphQLResolveInfo): void {
  ctx.audit.record({ personId, category: 'HEALTH', fieldPath: fieldPathOf(info.path), operation: 'READ' });
}

/** Notes a change of a person's health data. */
export function auditWrite(ctx: HealthContext, personId: string, fieldPath: string, operation: 'CREATE' | 'UPDATE') {
  ctx.audit.record({ personId, category: 'HEALTH', fieldPath, operation });
}
