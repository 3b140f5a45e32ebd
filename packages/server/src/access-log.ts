import type { AuditEntry, AuditLogReader } from '@helhed/audit';
import { authorizeAccessLog } from '@helhed/identity';
import { requirePlannedFetch, type BaseContext } from './subgraph';

/** The key of a person's access log (`AccessLog @key(fields: "personId from to")`). */
export interface AccessLogKey {
  personId: string;
  from: string;
  to: string;
}

/**
 * A subgraph's part of a person's access log: the `AccessLog` entity with one
 * field (e.g. `employmentEntries`) answering the rows of the subgraph's own
 * audit log, for the data-protection officer of the caller's municipality
 * only, and only to a fetch the gateway planned (the family subgraph checked
 * the person; a representation sent straight here names any person id). The
 * family subgraph merges the parts (`@requires`). A subgraph that
 * gains an audit table adds this, the SDL beside it, and its field to the
 * family subgraph's `@requires` and merge list.
 */
export function accessLogContribution<TContext extends BaseContext>(
  field: string,
  readerOf: (context: TContext) => AuditLogReader,
) {
  return {
    AccessLog: {
      __resolveReference: (ref: AccessLogKey) => ref,
      [field]: (log: AccessLogKey, _: unknown, ctx: TContext): Promise<AuditEntry[]> => {
        authorizeAccessLog(ctx.identity, ctx.identity.municipality);
        requirePlannedFetch(ctx, "A subgraph's audit rows for a person's access log");
        return readerOf(ctx).entriesOf(ctx.identity.municipality, log.personId, log.from, log.to);
      },
    },
  };
}
