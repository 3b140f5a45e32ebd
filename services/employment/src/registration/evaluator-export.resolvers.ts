import { departmentDatasetValues, requirePlannedFetch, type DatasetSubject } from '@helhed/server';
import type { EmploymentContext } from '../context';
import { isUuid } from '../ids';
import { monthIndicators } from './indicators';

interface DatasetRef {
  projectId: string;
  from: string;
  to: string;
  subjects: DatasetSubject[];
}

/**
 * The jobcenter's indicators for the evaluators' dataset: one statement per
 * municipality, only to a fetch the gateway planned (the person ids are the
 * family subgraph's `subjects`, never a caller's).
 */
export const evaluatorExportResolvers = {
  EvaluatorDataset: {
    __resolveReference: (ref: DatasetRef) => ref,
    jobcenterValues: (ref: DatasetRef, _: unknown, ctx: EmploymentContext) => {
      requirePlannedFetch(ctx, "The jobcenter's values of the evaluators' dataset");
      return departmentDatasetValues(ctx.identity, ref.subjects, {
        isId: isUuid,
        load: (code, ids) => ctx.stores.registrations.byPersonIds(code, ids),
        indicatorsOf: (row) => monthIndicators(row),
      });
    },
  },
};
