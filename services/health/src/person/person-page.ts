import DataLoader from 'dataloader';
import { batchScheduleFn, decodeCursor, encodeCursor, pageSize, type Page, type PageArgs } from '@helhed/db';

/** One person's page of a list: at most `first` rows after the cursor `after`. */
export interface PersonPageKey extends PageArgs {
  personId: string;
}

/** What a store is asked for a batch: the persons' rows in list order, at most `limit` per person, after `after`. */
export interface PersonPageQuery {
  personIds: string[];
  limit: number;
  /** The sort value and id the rows come after, from the cursor. */
  after: [string, string] | null;
}

/**
 * A per-request loader of one page per person of a list kept per person (a
 * person's assessments, referrals): every person asked with the same page
 * arguments shares one statement, so a request's statement count does not grow
 * with the number of persons or rows. Keyset pages, stable under inserts.
 * `fetch` returns each person's rows in list order, at most `limit` per person.
 */
export function personPageLoader<T extends { id: string; personId: string }>(
  fetch: (query: PersonPageQuery) => Promise<T[]>,
  sortValue: (row: T) => string,
): DataLoader<PersonPageKey, Page<T>, string> {
  return new DataLoader<PersonPageKey, Page<T>, string>(
    async (keys) => {
      const groups = new Map<string, PersonPageKey[]>();
      for (const key of keys) {
        const args = JSON.stringify([key.first ?? null, key.after ?? null]);
        groups.set(args, [...(groups.get(args) ?? []), key]);
      }
      const pages = new Map<string, Page<T> | Error>();
      for (const [args, group] of groups) {
        let first: number;
        let after: [string, string] | null;
        try {
          first = pageSize(group[0]!);
          after = group[0]!.after ? decodeCursor(group[0]!.after) : null;
        } catch (error) {
          // Bad page arguments fail their own fields only (BAD_USER_INPUT), not the other persons'.
          for (const key of group) pages.set(`${key.personId}|${args}`, error as Error);
          continue;
        }
        const rows = await fetch({ personIds: group.map((k) => k.personId), limit: first + 1, after });
        for (const key of group) {
          const mine = rows.filter((r) => r.personId === key.personId);
          const nodes = mine.slice(0, first);
          pages.set(`${key.personId}|${args}`, {
            nodes,
            hasNextPage: mine.length > first,
            cursors: nodes.map((n) => encodeCursor(sortValue(n), n.id)),
          });
        }
      }
      return keys.map((k) => pages.get(`${k.personId}|${JSON.stringify([k.first ?? null, k.after ?? null])}`)!);
    },
    { batchScheduleFn, cacheKeyFn: (k) => JSON.stringify([k.personId, k.first ?? null, k.after ?? null]) },
  );
}
