import { authorizeEvaluatorDataset } from '@helhed/identity';
import type { HealthContext } from '../context';
import { isUuid } from '../ids';
import { monthIndicators } from './indicators';

interface DatasetRef {
  projectId: string;
  from: string;
  to: string;
  subjects: Array<{ personId: string; month: string; municipalityCode: string }>;
}

/**
 * The health indicators for the evaluators' dataset: one statement per
 * municipality, and one EXPORT row in the health audit log per person exported.
 */
export const evaluatorExportResolvers = {
  EvaluatorDataset: {
    __resolveReference: (ref: DatasetRef) => ref,
    healthValues: async (ref: DatasetRef, _: unknown, ctx: HealthContext) => {
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
        for (const r of await ctx.stores.healthIndicators.byPersonIds(code, [...ids]))
          found.set(`${r.personId}|${r.month}`, monthIndicators(r));
        for (const personId of ids)
          ctx.audit.record({
            personId,
            category: 'HEALTH',
            fieldPath: 'EvaluatorDataset.healthValues',
            operation: 'EXPORT',
          });
      }
      return ref.subjects.map((s) => ({
        personId: s.personId,
        month: s.month,
        indicators: found.get(`${s.personId}|${s.month}`) ?? [],
      }));
    },
  },
};
