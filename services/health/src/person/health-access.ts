import type { GraphQLResolveInfo } from 'graphql';
import { fieldPathOf } from '@helhed/audit';
import { ForbiddenError } from '@helhed/errors';
import { authorize } from '@helhed/identity';
import type { HealthContext } from '../context';
import { healthView, viewShows, type HealthView } from './health-view';

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
 * The floor every reader of the municipality stands on: that a person has a
 * health record, and its date (the EXISTENCE view). Refuses other
 * municipalities and national monitors before anything is loaded.
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
 * The caller's view of a person's health data in this request. The HEALTH
 * department needs no question; another department's view is asked of the
 * family subgraph (team and consent, batched per request, never cached across
 * requests, so a withdrawn consent counts from the next request).
 */
export async function viewOfPerson(ctx: HealthContext, personId: string): Promise<HealthView> {
  if (ctx.identity.department === 'HEALTH') return 'CLINICAL';
  return healthView(ctx.identity, await ctx.loaders.callerAccess.load(personId));
}

/**
 * The one authorisation point for reading a field of a person's health data
 * that needs more than the existence view: refuses (FORBIDDEN at the field's
 * path, nothing audited) when the caller's view does not show it, and notes
 * the read in the audit trail when it does.
 */
export async function readHealthField(
  ctx: HealthContext,
  personId: string,
  needed: HealthView,
  what: string,
  info: GraphQLResolveInfo,
): Promise<void> {
  authorizeExistence(ctx, what);
  // Only the health department ever sees clinical findings: no need to ask the family subgraph.
  const view =
    needed === 'CLINICAL' && ctx.identity.department !== 'HEALTH' ? 'EXISTENCE' : await viewOfPerson(ctx, personId);
  if (!viewShows(view, needed)) {
    throw new ForbiddenError(
      needed === 'CLINICAL'
        ? `Clinical health data (${what}) is visible to the HEALTH department only`
        : `Health data (${what}) is shared with a team member only where the person's consent names HEALTH for their department`,
    );
  }
  if (view !== 'CLINICAL') {
    authorize(ctx.identity, {
      municipality: ctx.identity.municipality,
      category: 'HEALTH',
      operation: 'read',
      what,
      limitedHealthView: view,
    });
  }
  auditRead(ctx, personId, info);
}

/** Notes a read of a person's health data; called only once the authorisation point said yes. */
export function auditRead(ctx: HealthContext, personId: string, info: GraphQLResolveInfo): void {
  ctx.audit.record({ personId, category: 'HEALTH', fieldPath: fieldPathOf(info.path), operation: 'READ' });
}

/** Notes a change of a person's health data. */
export function auditWrite(ctx: HealthContext, personId: string, fieldPath: string, operation: 'CREATE' | 'UPDATE') {
  ctx.audit.record({ personId, category: 'HEALTH', fieldPath, operation });
}
