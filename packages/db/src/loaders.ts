import DataLoader from 'dataloader';

/**
 * Batches are dispatched on the next turn of the event loop rather than at the
 * end of the current microtask queue: resolvers that reach a loader a few
 * promise hops apart (as sibling fields of a federated query do) still share
 * one statement, so a request's statement count does not depend on timing.
 */
export const batchScheduleFn = (callback: () => void) => setImmediate(callback);

/**
 * A per-request loader of rows by a unique key: one SQL statement per batch,
 * however many rows a response needs. Missing keys give `null`.
 */
export function rowLoader<K extends string, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(
    async (keys) => {
      const rows = await fetch(keys);
      const byKey = new Map(rows.map((r) => [keyOf(r), r] as const));
      return keys.map((k) => byKey.get(k) ?? null);
    },
    { batchScheduleFn },
  );
}

/** A per-request loader of the rows that belong to each key (e.g. members by family), in fetch order. */
export function groupLoader<K extends string, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(
    async (keys) => {
      const groups = new Map<K, V[]>(keys.map((k) => [k, []]));
      for (const row of await fetch(keys)) groups.get(keyOf(row))?.push(row);
      return keys.map((k) => groups.get(k) ?? []);
    },
    { batchScheduleFn },
  );
}
