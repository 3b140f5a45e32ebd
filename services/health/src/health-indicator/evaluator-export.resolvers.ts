import { departmentDatasetValues, requirePlannedFetch, type DatasetSubject } from '@helhed/server';
import type { HealthContext } from '../context';
import { isUuid } from '../ids';
import { monthIndicators } from './indicators';

interface DatasetRef {
  projectId: string;
  from: string;
  to: string;
  subjects: DatasetSubject[];
}

/**
 * The health indicators for the evaluators' dataset: one statement per
 * municipality, and one EXPORT row in the health audit log per person exported;
 * only to a fetch the gateway planned (the person ids are the family
 * subgraph's `subjects`, never a caller's).
 */
export const evaluatorExportResolvers = {
  EvaluatorDataset: {
    __resolveReference: (ref: DatasetRef) => ref,
    healthValues: (ref: DatasetRef, _: unknown, ctx: HealthContext) => {
      requirePlannedFetch(ctx, "The health values of the evaluators' dataset");
      return departmentDatasetValues(ctx.identity, ref.subjects, {
        isId: isUuid,
        load: (code, ids) => ctx.stores.healthIndicators.byPersonIds(code, ids),
        indicatorsOf: (row) => monthIndicators(row),
        loaded: (_code, ids) => {
          for (const personId of ids)
            ctx.audit.record({
              personId,
              category: 'HEALTH',
              fieldPath: 'EvaluatorDataset.healthValues',
              operation: 'EXPORT',
            });
        },
      });
    },
  },
};
