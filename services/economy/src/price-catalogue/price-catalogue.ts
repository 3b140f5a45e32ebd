import { InputProblems } from '@helhed/errors';
import type { CostUnit } from './price-catalogue.entity';

export interface NewPrice {
  costType: string;
  unit: CostUnit;
  priceOre: number;
  validFrom: string;
  validTo?: string | null;
}

const COST_TYPE = /^[A-Z][A-Z0-9_]{1,59}$/;
/** Ten million DKK per unit: far above any real unit price; guards against a price typed in øre twice. */
const MAX_PRICE_ORE = 1_000_000_000;

export function validateNewPrice(input: NewPrice): NewPrice & { validTo: string | null } {
  const problems = new InputProblems();
  if (!COST_TYPE.test(input.costType)) {
    problems.add('input.costType', 'A cost type is 2-60 capital letters, digits or underscores, e.g. KONTANTHJAELP');
  }
  if (!Number.isInteger(input.priceOre) || input.priceOre < 0 || input.priceOre > MAX_PRICE_ORE) {
    problems.add('input.priceOre', `A price is a whole number of øre between 0 and ${MAX_PRICE_ORE}`);
  }
  if (input.validTo && input.validTo < input.validFrom) {
    problems.add('input.validTo', 'The end date is before the start date');
  }
  problems.throwIfAny();
  return { ...input, validTo: input.validTo ?? null };
}

/** Whether two validity periods (inclusive, open end = null) share a day. */
export function overlaps(
  a: { validFrom: string; validTo: string | null },
  b: { validFrom: string; validTo: string | null },
) {
  return (a.validTo === null || b.validFrom <= a.validTo) && (b.validTo === null || a.validFrom <= b.validTo);
}
