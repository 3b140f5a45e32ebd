import { daysIn, intersect, monthBounds, monthOf, toDayNumber } from '../dates';
import { roundDiv } from '../money';
import { activityCostType, KNOWN_COST_TYPES, type Department } from '../price-catalogue/cost-types';
import type { CostUnit } from '../price-catalogue/price-catalogue.entity';

/** The fields of a family economy `@requires` from the family and employment subgraphs. */
export interface FamilyFacts {
  id: string;
  enrolmentDate?: string | null;
  closedOn?: string | null;
  members?: PersonFacts[];
  formerMembers?: PersonFacts[];
  plans?: Array<{ activities?: ActivityFacts[] }>;
}

export interface PersonFacts {
  id: string;
  removedOn?: string | null;
  /** Null when the employment subgraph refused them to the caller (see `withoutCostBasis`). */
  benefitPeriods?: Array<{ id: string; type: string; from: string; to: string | null }> | null;
}

/**
 * Whether a member's benefit periods came back refused (null) rather than
 * empty: the family's costs cannot be computed for this caller, since leaving
 * the benefits out would show a wrong total.
 */
export function withoutCostBasis(family: FamilyFacts): boolean {
  return [...(family.members ?? []), ...(family.formerMembers ?? [])].some((p) => p.benefitPeriods === null);
}

export interface ActivityFacts {
  id: string;
  department: Department;
  sectorPlanKind: string;
  status: string;
  startsOn: string;
  endsOn: string | null;
  hoursPerWeek: number;
  members?: Array<{ id: string }>;
}

export interface Price {
  id: string;
  costType: string;
  unit: CostUnit;
  priceOre: number;
  validFrom: string;
  validTo: string | null;
}

export type CostSource = 'DERIVED_ACTIVITY' | 'DERIVED_BENEFIT' | 'MANUAL';

/** A ledger row computed from a source; `derivedKey` is its natural key. */
export interface DerivedEntry {
  derivedKey: string;
  familyId: string;
  personId: string | null;
  department: Department;
  costType: string;
  month: string;
  quantityMilli: number;
  unit: CostUnit;
  unitPriceOre: number;
  amountOre: number;
  source: Exclude<CostSource, 'MANUAL'>;
  derivedFromId: string;
  priceId: string;
}

/**
 * A quantity as an exact fraction of units: `numerator / denominator`. The
 * amount is priced from the exact fraction and rounded once, to whole øre.
 */
interface Quantity {
  numerator: number;
  denominator: number;
}

/** What `days` days of a month of `monthDays` days of an activity amount to in a unit. */
function activityQuantity(
  unit: CostUnit,
  activity: ActivityFacts,
  days: number,
  monthDays: number,
  firstMonth: boolean,
): Quantity {
  // Hours per week have one decimal: count in tenths of an hour to stay in integers.
  const tenths = Math.round(activity.hoursPerWeek * 10);
  switch (unit) {
    case 'HOUR':
    case 'SESSION':
      return { numerator: tenths * days, denominator: 70 };
    case 'WEEK':
      return { numerator: days, denominator: 7 };
    case 'DAY':
      return { numerator: days, denominator: 1 };
    case 'MONTH':
      return { numerator: days, denominator: monthDays };
    case 'CASE':
      return { numerator: firstMonth ? 1 : 0, denominator: 1 };
  }
}

function entry(
  base: Omit<DerivedEntry, 'quantityMilli' | 'amountOre' | 'unitPriceOre' | 'derivedKey' | 'priceId' | 'unit'>,
  price: Price,
  q: Quantity,
): DerivedEntry | null {
  if (q.numerator === 0) return null;
  return {
    ...base,
    unit: price.unit,
    unitPriceOre: price.priceOre,
    priceId: price.id,
    quantityMilli: roundDiv(q.numerator * 1000, q.denominator),
    amountOre: roundDiv(price.priceOre * q.numerator, q.denominator),
    derivedKey: [base.familyId, base.month, base.derivedFromId, base.personId ?? '-', price.id].join('/'),
  };
}

/** The prices of a cost type valid on some day of a range, each with the days of the range it covers. */
function pricedPieces(prices: Price[], costType: string, range: { from: string; to: string }) {
  return prices
    .filter((p) => p.costType === costType)
    .flatMap((price) => {
      const days = intersect(range, { from: price.validFrom, to: price.validTo });
      return days ? [{ price, days: daysIn(days) }] : [];
    });
}

/**
 * The derived ledger rows of a family for some months: its members' benefit
 * periods (former members until the day they left) and its plans' activities,
 * priced with the catalogue. Pure: the same facts and prices give the same rows.
 * Days a source covers without a price give no row.
 */
export function deriveEntries(family: FamilyFacts, months: readonly string[], prices: Price[]): DerivedEntry[] {
  const rows: DerivedEntry[] = [];
  const persons = new Map<string, PersonFacts>();
  for (const p of [...(family.members ?? []), ...(family.formerMembers ?? [])]) {
    if (!persons.has(p.id)) persons.set(p.id, p);
  }
  const activities = new Map<string, ActivityFacts>();
  for (const plan of family.plans ?? []) for (const a of plan.activities ?? []) activities.set(a.id, a);

  for (const month of months) {
    const bounds = monthBounds(month);
    const monthRange = { from: bounds.first, to: bounds.last };

    for (const person of persons.values()) {
      for (const period of person.benefitPeriods ?? []) {
        if (period.type === 'NONE') continue;
        let covered = intersect(monthRange, period);
        if (covered && person.removedOn) covered = intersect(covered, { from: covered.from, to: person.removedOn });
        if (!covered) continue;
        const department = KNOWN_COST_TYPES[period.type]?.department ?? 'JOBCENTER';
        for (const { price, days } of pricedPieces(prices, period.type, covered)) {
          if (price.unit !== 'MONTH') continue;
          const row = entry(
            {
              familyId: family.id,
              personId: person.id,
              department,
              costType: period.type,
              month,
              source: 'DERIVED_BENEFIT',
              derivedFromId: period.id,
            },
            price,
            { numerator: days, denominator: bounds.days },
          );
          if (row) rows.push(row);
        }
      }
    }

    for (const activity of activities.values()) {
      if (activity.status === 'CANCELLED') continue;
      const covered = intersect(monthRange, { from: activity.startsOn, to: activity.endsOn });
      if (!covered) continue;
      const members = activity.members ?? [];
      const costType = activityCostType(activity.department, activity.sectorPlanKind);
      const firstMonth = monthOf(activity.startsOn) === month;
      for (const { price, days } of pricedPieces(prices, costType, covered)) {
        // A CASE price is charged once, with the price valid on the first day.
        if (price.unit === 'CASE' && toDayNumber(price.validFrom) > toDayNumber(activity.startsOn)) continue;
        const row = entry(
          {
            familyId: family.id,
            personId: members.length === 1 ? members[0]!.id : null,
            department: activity.department,
            costType,
            month,
            source: 'DERIVED_ACTIVITY',
            derivedFromId: activity.id,
          },
          price,
          activityQuantity(price.unit, activity, days, bounds.days, firstMonth),
        );
        if (row) rows.push(row);
      }
    }
  }
  return rows;
}
