/**
 * One line that says what failed and why, down the chain of causes. Node's
 * `fetch` rejects with a bare `fetch failed`; what happened is in its `cause`
 * (`connect ECONNREFUSED 127.0.0.1:4000`), and a connection to a name with
 * several addresses holds one error per address (an AggregateError).
 */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current) && parts.length < 6) {
    seen.add(current);
    const text = describeOne(current);
    // "fetch failed: connect ECONNREFUSED …" — a cause that repeats its parent's words adds nothing.
    if (text && !parts.some((p) => p.includes(text))) parts.push(text);
    current = isErrorLike(current) ? current.cause : undefined;
  }
  return parts.join(': ') || 'unknown error';
}

interface ErrorLike {
  name: string;
  message: string;
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** By shape, not `instanceof`: an error made in another realm (a VM context, jest's sandbox) is an error too. */
const isErrorLike = (value: unknown): value is ErrorLike =>
  value instanceof Error ||
  (typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorLike).message === 'string' &&
    typeof (value as ErrorLike).name === 'string');

function describeOne(error: unknown): string {
  if (!isErrorLike(error)) return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
  const own = error.message || (typeof error.code === 'string' ? error.code : error.name);
  if (Array.isArray(error.errors) && error.errors.length > 0) {
    const each = [...new Set(error.errors.map((e) => describeOne(e)))];
    return own && !each.some((e) => e.includes(own)) ? `${own} (${each.join('; ')})` : each.join('; ');
  }
  return own;
}
