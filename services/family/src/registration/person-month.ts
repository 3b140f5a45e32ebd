import type { Department } from '@helhed/identity';

/** What completeness needs of a department's part. */
export interface PartState {
  applies: boolean;
  done: boolean;
}

/**
 * The departments whose part of a person's month applies and is not done, in a
 * fixed order (family, jobcenter, health). A part the graph did not deliver
 * (its subgraph did not answer) counts as not applying: completeness is never
 * blocked by a part nobody can register.
 */
export function missingParts(family: PartState, jobcenter?: PartState | null, health?: PartState | null): Department[] {
  const parts: Array<[Department, PartState | null | undefined]> = [
    ['FAMILY', family],
    ['JOBCENTER', jobcenter],
    ['HEALTH', health],
  ];
  return parts.filter(([, p]) => p?.applies && !p.done).map(([d]) => d);
}
