import { InputProblems } from '@helhed/errors';
import { isUuid } from '../ids';

/** WHO-5 (Well-Being Index): five items, each scored 0–5. */
export const WHO5_ITEMS = 5;
export const WHO5_ITEM_MAX = 5;

export interface Who5Score {
  /** Sum of the five items, 0–25. */
  raw: number;
  /** The raw score × 4, 0–100 (the reported index). */
  index: number;
  /** Below 50: reduced well-being, screen for depression. */
  belowFifty: boolean;
  /** Below 28: likely depression. */
  belowTwentyEight: boolean;
}

/** Scores five WHO-5 item answers (already checked to be five integers 0–5). */
export function scoreWho5(items: readonly number[]): Who5Score {
  const raw = items.reduce((sum, item) => sum + item, 0);
  const index = raw * 4;
  return { raw, index, belowFifty: index < 50, belowTwentyEight: index < 28 };
}

export interface HealthIndicatorsInput {
  personId: string;
  month: string;
  who5Items: number[];
  selfRatedHealth: number;
  inTreatment: boolean;
  attendingAsPlanned: boolean;
}

export type ValidHealthIndicators = HealthIndicatorsInput;

const isMonth = (month: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(month);

/**
 * Checks the health part of a person's monthly registration and reports every
 * problem with its input path, so nothing is written unless all of it is right.
 */
export function validateHealthIndicators(input: HealthIndicatorsInput, today: string): ValidHealthIndicators {
  const problems = new InputProblems();
  const personId = input.personId.trim().toLowerCase();
  if (!isUuid(personId)) problems.add('input.personId', 'A person id is a UUID (the id from the family subgraph)');
  if (!isMonth(input.month)) problems.add('input.month', 'A month is written YYYY-MM');
  else if (input.month > today.slice(0, 7)) problems.add('input.month', 'The month is in the future');
  if (input.who5Items.length !== WHO5_ITEMS) {
    problems.add('input.who5Items', `WHO-5 has exactly ${WHO5_ITEMS} item scores`);
  }
  input.who5Items.forEach((item, i) => {
    if (!Number.isInteger(item) || item < 0 || item > WHO5_ITEM_MAX) {
      problems.add(`input.who5Items[${i}]`, `A WHO-5 item is scored 0 to ${WHO5_ITEM_MAX}`);
    }
  });
  if (!Number.isInteger(input.selfRatedHealth) || input.selfRatedHealth < 1 || input.selfRatedHealth > 5) {
    problems.add('input.selfRatedHealth', 'Self-rated health is 1 (poor) to 5 (excellent)');
  }
  problems.throwIfAny();
  return { ...input, personId };
}

/** Whether a month lies within an optional range of months (inclusive). */
export const monthWithin = (month: string, from?: string | null, to?: string | null) =>
  (!from || month >= from) && (!to || month <= to);
