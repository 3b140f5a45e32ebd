import { InputProblems } from '@helhed/errors';
import type { CostUnit, Payer } from './price-catalogue.entity';
import { KNOWN_COST_TYPES } from './cost-types';

export interface NewPrice {
  costType: string;
  unit: CostUnit;
  priceOre: number;
  validFrom: string;
  validTo?: string | null;
  payer?: Payer | null;
  municipalityShareBasisPoints?: number | null;
  isExample?: boolean | null;
}

export type ValidPrice = Required<{ [K in Exclude<keyof NewPrice, 'validTo'>]: NonNullable<NewPrice[K]> }> & {
  validTo: string | null;
};

const COST_TYPE = /^[A-Z][A-Z0-9_]{1,59}$/;
/** Ten million DKK per unit: far above any real unit price; guards against a price typed in øre twice. */
const MAX_PRICE_ORE = 1_000_000_000;

/**
 * Checks a new price. `unitOfType` is the unit the municipality already prices
 * the cost type in (null for a type it has not priced yet): a known cost type
 * has its own unit, another type keeps the unit of its first price.
 */
export function validateNewPrice(input: NewPrice, unitOfType: CostUnit | null = null): ValidPrice {
  const problems = new InputProblems();
  const expected = KNOWN_COST_TYPES[input.costType]?.unit ?? unitOfType;
  if (expected && expected !== input.unit) {
    problems.add('input.unit', `${input.costType} is priced per ${expected}, not per ${input.unit}`);
  }
  const share = input.municipalityShareBasisPoints ?? 10_000;
  if (!Number.isInteger(share) || share < 0 || share > 10_000) {
    problems.add('input.municipalityShareBasisPoints', 'The share is a whole number from 0 to 10000 (100.00%)');
  }
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
  return {
    costType: input.costType,
    unit: input.unit,
    priceOre: input.priceOre,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
    payer: input.payer ?? 'MUNICIPALITY',
    municipalityShareBasisPoints: share,
    isExample: input.isExample ?? false,
  };
}

/** Whether two validity periods (inclusive, open end = null) share a day. */
export function overlaps(
  a: { validFrom: string; validTo: string | null },
  b: { validFrom: string; validTo: string | null },
) {
  return (a.validTo === null || b.validFrom <= a.validTo) && (b.validTo === null || a.validFrom <= b.validTo);
}
