/** A field's path without list indices, e.g. `_entities.benefitPeriods` for `_entities.0.benefitPeriods`. */
export function fieldPathOf(path: { prev: unknown; key: string | number } | undefined): string {
  const keys: string[] = [];
  for (let p = path; p; p = p.prev as typeof path) if (typeof p.key === 'string') keys.unshift(p.key);
  return keys.join('.');
}
