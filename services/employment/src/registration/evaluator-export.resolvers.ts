import { departmentDatasetValues, type DatasetSubject } from '@helhed/server';
import type { EmploymentContext } from '../context';
import { isUuid } from '../ids';
import { monthIndicators } from './indicators';

interface DatasetRef {
  projectId: string;
  from: string;
  to: string;
  subjects: DatasetSubject[];
}

/** The jobcenter's indicators for the evaluators' dataset: one statement per municipality. */
export const evaluatorExportResolvers = {
  EvaluatorDataset: {
    __resolveReference: (ref: DatasetRef) => ref,
    jobcenterValues: (ref: DatasetRef, _: unknown, ctx: EmploymentContext) =>
      departmentDatasetValues(ctx.identity, ref.subjects, {
        isId: isUuid,
        load: (code, ids) => ctx.stores.registrations.byPersonIds(code, ids),
        indicatorsOf: (row) => monthIndicators(row),
      }),
  },
};
