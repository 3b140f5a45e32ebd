import { ForbiddenError } from '@helhed/errors';
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
 * The evaluators' dataset is for project leads of the persons' municipality and
 * national monitors (the family subgraph checks the project; this checks again
 * what the health coordinator hands out). The values go to the family subgraph,
 * which pseudonymises the rows; no client reaches them with a person id.
 */
function mayContribute(ctx: HealthContext, ref: DatasetRef) {
  const { roles, municipality } = ctx.identity;
  if (roles.includes('NATIONAL_MONITOR')) return;
  if (roles.includes('PROJECT_LEAD') && ref.subjects.every((s) => s.municipalityCode === municipality)) return;
  throw new ForbiddenError('The evaluator dataset is for project leads and national monitors');
}

/**
 * The health indicators for the evaluators' dataset: one statement per
 * municipality, and one EXPORT row in the health audit log per person exported.
 */
export const evaluatorExportResolvers = {
  EvaluatorDataset: {
    __resolveReference: (ref: DatasetRef) => ref,
    healthValues: async (ref: DatasetRef, _: unknown, ctx: HealthContext) => {
      mayContribute(ctx, ref);
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
