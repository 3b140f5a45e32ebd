import { ForbiddenError, InputProblems } from '@helhed/errors';
import type { BaseContext } from '@helhed/server';
import type { ExportStore, StoredExport } from './export-store';

export interface ExportContext extends BaseContext {
  stores: { exports: ExportStore };
  /** Puts the export on the reminders queue. */
  enqueueExport(exportId: string): Promise<void>;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who may ask: project leads and national monitors. Whether the requester may
 * export this project (a project lead's own municipality) is decided by the
 * family subgraph when the job reads the dataset as the requester; a refusal
 * there marks the export FAILED.
 */
function mayRequest(ctx: ExportContext) {
  const { roles } = ctx.identity;
  if (!roles.includes('PROJECT_LEAD') && !roles.includes('NATIONAL_MONITOR'))
    throw new ForbiddenError('Evaluator exports are for project leads and national monitors');
}

const toGraph = (e: StoredExport) => ({
  id: e.id,
  projectId: e.projectId,
  from: e.from,
  to: e.to,
  status: e.status,
  rowCount: e.rowCount,
  csv: e.status === 'DONE' ? e.csv : null,
  error: e.error,
  createdAt: e.createdAt,
  completedAt: e.completedAt,
  expiredAt: e.expiredAt,
});

export const evaluatorExportResolvers = {
  Query: {
    evaluatorExport: async (_: unknown, args: { id: string }, ctx: ExportContext) => {
      if (!UUID.test(args.id)) return null;
      const found = await ctx.stores.exports.byId(args.id);
      // Only the requester reads the result: the CSV is theirs, under their own authorisation.
      if (
        !found ||
        found.requestedBy !== ctx.identity.userId ||
        found.requester.municipality !== ctx.identity.municipality
      )
        return null;
      return toGraph(found);
    },
  },
  Mutation: {
    requestEvaluatorExport: async (
      _: unknown,
      args: { projectId: string; from: string; to: string },
      ctx: ExportContext,
    ) => {
      mayRequest(ctx);
      const problems = new InputProblems();
      if (!UUID.test(args.projectId)) problems.add('projectId', 'Not a project id');
      if (!MONTH.test(args.from)) problems.add('from', 'A month is YYYY-MM');
      if (!MONTH.test(args.to)) problems.add('to', 'A month is YYYY-MM');
      else if (MONTH.test(args.from) && args.from > args.to) problems.add('from', 'The range starts after it ends');
      problems.throwIfAny();
      const request = await ctx.stores.exports.request(ctx.identity, args.projectId.toLowerCase(), args.from, args.to);
      try {
        await ctx.enqueueExport(request.id);
      } catch (error) {
        // The row is written and QUEUED: the worker's reconciliation (at start and hourly) queues it again.
        ctx.logger.warn({ exportId: request.id, err: (error as Error).message }, 'evaluator export not queued yet');
      }
      return toGraph(request);
    },
  },
};
