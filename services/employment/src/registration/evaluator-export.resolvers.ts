import { authorizeEvaluatorDataset } from '@helhed/identity';
import type { EmploymentContext } from '../context';
import { isUuid } from '../ids';
import { monthIndicators } from './indicators';

interface DatasetRef {
  projectId: string;
  from: string;
  to: string;
  subjects: Array<{ personId: string; month: string; municipalityCode: string }>;
}

/** The jobcenter's indicators for the evaluators' dataset: one statement per municipality. */
export const evaluatorExportResolvers = {
  EvaluatorDataset: {
    __resolveReference: (ref: DatasetRef) => ref,
    jobcenterValues: async (ref: DatasetRef, _: unknown, ctx: EmploymentContext) => {
      // The family subgraph checks the project; what this department hands out is checked again.
      authorizeEvaluatorDataset(
        ctx.identity,
        ref.subjects.map((s) => s.municipalityCode),
      );
      const groups = new Map<string, Set<string>>();
      for (const s of ref.subjects.filter((x) => isUuid(x.personId))) {
        groups.set(s.municipalityCode, (groups.get(s.municipalityCode) ?? new Set()).add(s.personId));
      }
      const found = new Map<string, ReturnType<typeof monthIndicators>>();
      for (const [code, ids] of groups) {
        for (const c of await ctx.stores.registrations.byPersonIds(code, [...ids]))
          found.set(`${c.personId}|${c.month}`, monthIndicators(c));
      }
      return ref.subjects.map((s) => ({
        personId: s.personId,
        month: s.month,
        indicators: found.get(`${s.personId}|${s.month}`) ?? [],
      }));
    },
  },
};
