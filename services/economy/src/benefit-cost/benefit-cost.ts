import { daysIn, intersect, monthBounds } from '../dates';

export interface BenefitPeriodFacts {
  type: string;
  from: string;
  to: string | null;
}

export interface MonthlyPrice {
  costType: string;
  priceOre: number;
  validFrom: string;
  validTo: string | null;
}

/**
 * What a person's benefits cost in one month: for each benefit period, the
 * days of the month it covers under each price valid on those days, as a
 * share of the month's monthly price. Rounded to whole øre per piece.
 * A benefit type without a price counts nothing (and is reported as unpriced).
 */
export function monthlyBenefitCost(
  periods: BenefitPeriodFacts[],
  month: string,
  prices: MonthlyPrice[],
): { ore: number; unpricedDays: number } {
  const bounds = monthBounds(month);
  const monthRange = { from: bounds.first, to: bounds.last };
  let ore = 0;
  let unpricedDays = 0;
  for (const period of periods) {
    if (period.type === 'NONE') continue;
    const covered = intersect(monthRange, period);
    if (!covered) continue;
    let pricedDays = 0;
    for (const price of prices) {
      if (price.costType !== period.type) continue;
      const days = intersect(covered, { from: price.validFrom, to: price.validTo });
      if (!days) continue;
      pricedDays += daysIn(days);
      ore += Math.round((price.priceOre * daysIn(days)) / bounds.days);
    }
    unpricedDays += daysIn(covered) - pricedDays;
  }
  return { ore, unpricedDays };
}
