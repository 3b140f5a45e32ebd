import { InputProblems } from '@helhed/errors';
import { KNOWN_COST_TYPES, type Department } from '../price-catalogue/cost-types';
import type { CostUnit } from '../price-catalogue/price-catalogue.entity';

export interface ManualCostInput {
  familyId: string;
  personId?: string | null;
  department: Department;
  costType: string;
  month: string;
  quantity: number;
  unit: CostUnit;
  unitPriceOre?: number | null;
  note: string;
}

const MAX_QUANTITY = 100_000;

/**
 * Checks a manual cost and returns its quantity in thousandths. `catalogueUnit`
 * is the unit the municipality prices the cost type in (null if not priced);
 * `cataloguePrice` the price valid on the first day of the month, if any.
 */
export function validateManualCost(
  input: ManualCostInput,
  catalogueUnit: CostUnit | null,
  cataloguePrice: { id: string; priceOre: number } | null,
): { quantityMilli: number; unitPriceOre: number; priceId: string | null } {
  const problems = new InputProblems();
  const milli = Math.round(input.quantity * 1000);
  if (!(input.quantity > 0) || input.quantity > MAX_QUANTITY || Math.abs(input.quantity * 1000 - milli) > 1e-6) {
    problems.add('input.quantity', `A quantity is more than 0, at most ${MAX_QUANTITY}, with at most three decimals`);
  }
  const expected = KNOWN_COST_TYPES[input.costType]?.unit ?? catalogueUnit;
  if (expected && expected !== input.unit) {
    problems.add('input.unit', `${input.costType} is counted per ${expected}, not per ${input.unit}`);
  }
  const known = KNOWN_COST_TYPES[input.costType]?.department;
  if (known && known !== input.department) {
    problems.add('input.department', `${input.costType} is a cost of the ${known} department`);
  }
  if (input.unitPriceOre !== undefined && input.unitPriceOre !== null) {
    if (!Number.isInteger(input.unitPriceOre) || input.unitPriceOre < 0 || input.unitPriceOre > 1_000_000_000) {
      problems.add('input.unitPriceOre', 'A unit price is a whole number of øre between 0 and 1000000000');
    }
  } else if (!cataloguePrice) {
    problems.add(
      'input.unitPriceOre',
      `The catalogue has no price of ${input.costType} on ${input.month}-01; give the unit price`,
    );
  }
  if (input.note.trim().length < 1 || input.note.length > 500) {
    problems.add('input.note', 'A note is 1-500 characters');
  }
  problems.throwIfAny();
  const fromCatalogue = input.unitPriceOre === undefined || input.unitPriceOre === null;
  return {
    quantityMilli: milli,
    unitPriceOre: fromCatalogue ? cataloguePrice!.priceOre : input.unitPriceOre!,
    priceId: fromCatalogue ? cataloguePrice!.id : null,
  };
}
