import { createHmac, randomBytes } from 'node:crypto';

/** A new project key: 32 random bytes, kept only in the family subgraph's database. */
export const newProjectKey = (): Buffer => randomBytes(32);

/**
 * A keyed pseudonym: HMAC-SHA256 over a kind and an id with the project's
 * secret key, hex. Stable within a project, unrelated across projects, and not
 * derivable from the CPR number or the id without the key.
 */
export function pseudonym(key: Buffer, kind: 'person' | 'family', id: string): string {
  return createHmac('sha256', key).update(`${kind}:${id.toLowerCase()}`).digest('hex');
}

/** The months from `from` to `to`, both included. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** The longest range one dataset covers. */
export const MAX_EXPORT_MONTHS = 36;
