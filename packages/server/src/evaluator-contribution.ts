import { authorizeEvaluatorDataset, type Identity } from '@helhed/identity';

/** One person-month of the evaluators' dataset, as the family subgraph hands it to a department (`@requires`). */
export interface DatasetSubject {
  personId: string;
  month: string;
  municipalityCode: string;
}

/**
 * A department's part of the evaluators' dataset (its `EvaluatorDataset.<department>Values`):
 * the caller must be allowed the dataset of every municipality the subjects
 * belong to (the family subgraph checked the project; what this department
 * hands out is checked again), each municipality's persons are loaded in one
 * call (ids that `isId` rejects cannot name a row and are not asked for), and
 * every subject gets the indicators of its month, empty where the department
 * registered nothing. `loaded` hears which persons of a municipality were
 * handed out (the health subgraph audits them as exported).
 */
export async function departmentDatasetValues<Row extends { personId: string; month: string }, Indicator>(
  identity: Identity,
  subjects: readonly DatasetSubject[],
  part: {
    isId: (id: string) => boolean;
    load: (municipalityCode: string, personIds: string[]) => Promise<Row[]>;
    indicatorsOf: (row: Row) => Indicator[];
    loaded?: (municipalityCode: string, personIds: string[]) => void;
  },
): Promise<Array<{ personId: string; month: string; indicators: Indicator[] }>> {
  authorizeEvaluatorDataset(
    identity,
    subjects.map((s) => s.municipalityCode),
  );
  const groups = new Map<string, Set<string>>();
  for (const s of subjects.filter((x) => part.isId(x.personId))) {
    groups.set(s.municipalityCode, (groups.get(s.municipalityCode) ?? new Set()).add(s.personId));
  }
  const found = new Map<string, Indicator[]>();
  for (const [code, ids] of groups) {
    for (const row of await part.load(code, [...ids]))
      found.set(`${row.personId}|${row.month}`, part.indicatorsOf(row));
    part.loaded?.(code, [...ids]);
  }
  return subjects.map((s) => ({
    personId: s.personId,
    month: s.month,
    indicators: found.get(`${s.personId}|${s.month}`) ?? [],
  }));
}
