/**
 * What a CPR number looks like wherever personal data must not appear (logs,
 * reminder emails): ten digits, six and four with a dash, or masked as six
 * digits and `-XXXX` (the birth date is personal data too) — but not digits
 * inside a longer run of hex digits (UUIDs in request ids and links,
 * millisecond timestamps, hashes). One pattern for every such check, so they
 * cannot drift apart.
 */
export const CPR_PATTERN = /(?<![\da-f])(?:\d{6}-?\d{4}|\d{6}-X{4})(?![\da-f])/i;

/** Every CPR-looking number in `text`. */
export function findCprNumbers(text: string): string[] {
  return [...text.matchAll(new RegExp(CPR_PATTERN.source, 'gi'))].map((m) => m[0]);
}

/** The names of `names` that occur in `text` as whole words (case as written: names are capitalised). */
export function findNames(text: string, names: Iterable<string>): string[] {
  const pattern = namesPattern(names);
  return pattern ? [...new Set([...text.matchAll(pattern)].map((m) => m[0]))] : [];
}

/**
 * One line per line of `lines` holding a CPR number or one of `names`: what
 * was found, and the line (cut at 400 characters). Names match as whole words,
 * or anywhere with `{ anywhere: true }` (for a few unusual names: stricter).
 */
export function personalDataHits(
  lines: Iterable<string>,
  names: Iterable<string>,
  options: { anywhere?: boolean } = {},
): string[] {
  const pattern = namesPattern(names, options.anywhere);
  const hits: string[] = [];
  for (const line of lines) {
    const found = [...findCprNumbers(line), ...(pattern ? new Set([...line.matchAll(pattern)].map((m) => m[0])) : [])];
    if (found.length > 0) hits.push(`${found.join(', ')} in: ${line.slice(0, 400)}`);
  }
  return hits;
}

/** Any of `names` as a whole word; \p{L} rather than \b, since Danish names have letters outside [A-Za-z] (Kjær, Østergaard). */
function namesPattern(names: Iterable<string>, anywhere = false): RegExp | undefined {
  const list = [...new Set(names)].filter((n) => n.length > 0).sort((a, b) => b.length - a.length);
  if (list.length === 0) return undefined;
  const any = `(?:${list.map(escapeRegExp).join('|')})`;
  return new RegExp(anywhere ? any : `(?<![\\p{L}\\p{N}_])${any}(?![\\p{L}\\p{N}_])`, 'gu');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
