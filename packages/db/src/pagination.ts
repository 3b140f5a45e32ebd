import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { UserInputError } from '@helhed/errors';

/** A page request: at most `first` items after the item whose cursor is `after`. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  /** The cursor of each node, in order. */
  cursors: string[];
}

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** A cursor is opaque to clients: base64url of the sort value and the id. */
export const encodeCursor = (sortValue: string, id: string) =>
  Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');

export function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return value as [string, string];
    }
  } catch {
    // fall through
  }
  throw new UserInputError('after', 'The cursor is not one this list gave out');
}

export function pageSize(args: PageArgs): number {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new UserInputError('first', `first is between 0 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/**
 * Keyset pagination: orders by `sortColumn` then `id` (both descending when
 * `descending`), continues strictly after the cursor, and fetches one extra row
 * to know whether a next page exists. Stable under inserts, unlike OFFSET.
 * `sortColumn` is a trusted SQL expression (e.g. `family.created_at`); `sortValue`
 * gives the same value from an entity, as text that PostgreSQL can compare.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  sort: { column: string; idColumn: string; value: (row: T) => string; descending?: boolean },
): Promise<Page<T>> {
  const first = pageSize(args);
  const direction = sort.descending ? 'DESC' : 'ASC';
  if (args.after) {
    const [value, id] = decodeCursor(args.after);
    const op = sort.descending ? '<' : '>';
    qb.andWhere(`(${sort.column}, ${sort.idColumn}) ${op} (:cursorValue, :cursorId)`, {
      cursorValue: value,
      cursorId: id,
    });
  }
  const rows = await qb
    .orderBy(sort.column, direction)
    .addOrderBy(sort.idColumn, direction)
    .take(first + 1)
    .getMany();
  const nodes = rows.slice(0, first);
  return { nodes, hasNextPage: rows.length > first, cursors: nodes.map((n) => encodeCursor(sort.value(n), n.id)) };
}

/** The GraphQL connection shape (`edges { cursor node }`, `pageInfo`) of a page. */
export function toConnection<T>(page: Page<T>) {
  return {
    edges: page.nodes.map((node, i) => ({ cursor: page.cursors[i]!, node })),
    nodes: page.nodes,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
  };
}
