import { deriveEntries, type ActivityFacts, type FamilyFacts, type Price } from './derive';

/** The pro-rata rules of derived ledger rows, one unit at a time. */
const price = (
  costType: string,
  unit: Price['unit'],
  priceOre: number,
  validFrom = '2020-01-01',
  validTo: string | null = null,
): Price => ({
  id: `${costType}-${validFrom}`,
  costType,
  unit,
  priceOre,
  validFrom,
  validTo,
});

const activity = (over: Partial<ActivityFacts>): ActivityFacts => ({
  id: 'a1',
  department: 'FAMILY',
  sectorPlanKind: 'HANDLEPLAN',
  status: 'ACTIVE',
  startsOn: '2026-04-11',
  endsOn: null,
  hoursPerWeek: 3.5,
  members: [{ id: 'p1' }, { id: 'c1' }],
  ...over,
});

const family = (activities: ActivityFacts[], extra: Partial<FamilyFacts> = {}): FamilyFacts => ({
  id: 'f1',
  members: [],
  plans: [{ activities }],
  ...extra,
});

const amounts = (f: FamilyFacts, prices: Price[], month = '2026-04') =>
  deriveEntries(f, [month], prices).map((e) => [e.costType, e.unit, e.quantityMilli, e.amountOre, e.personId]);

describe('deriveEntries', () => {
  it('counts hours per week × days ÷ 7 from the first day (20 of 30 April days), for the family as a whole', () => {
    // 3.5 h × 20 / 7 = 10 hours at 800 DKK.
    expect(amounts(family([activity({})]), [price('FAMILY_TREATMENT', 'HOUR', 80_000)])).toEqual([
      ['FAMILY_TREATMENT', 'HOUR', 10_000, 800_000, null],
    ]);
  });

  it('counts days per DAY, days ÷ 7 per WEEK, days ÷ month days per MONTH, one per CASE in the first month', () => {
    const a = activity({ members: [{ id: 'p1' }] });
    expect(amounts(family([a]), [price('FAMILY_TREATMENT', 'DAY', 100_000)])).toEqual([
      ['FAMILY_TREATMENT', 'DAY', 20_000, 2_000_000, 'p1'],
    ]);
    // 20 / 7 weeks = 2.857 at 1,000 DKK = 2,857.14 DKK
    expect(amounts(family([a]), [price('FAMILY_TREATMENT', 'WEEK', 100_000)])).toEqual([
      ['FAMILY_TREATMENT', 'WEEK', 2_857, 285_714, 'p1'],
    ]);
    // 20 / 30 of a month at 3,000 DKK = 2,000 DKK
    expect(amounts(family([a]), [price('FAMILY_TREATMENT', 'MONTH', 300_000)])).toEqual([
      ['FAMILY_TREATMENT', 'MONTH', 667, 200_000, 'p1'],
    ]);
    expect(amounts(family([a]), [price('FAMILY_TREATMENT', 'CASE', 500_000)])).toEqual([
      ['FAMILY_TREATMENT', 'CASE', 1_000, 500_000, 'p1'],
    ]);
    expect(amounts(family([a]), [price('FAMILY_TREATMENT', 'CASE', 500_000)], '2026-05')).toEqual([]);
  });

  it('splits the days at a price change, skips cancelled activities and unpriced kinds', () => {
    const prices = [
      price('EMPLOYMENT_OFFER', 'HOUR', 20_000, '2020-01-01', '2026-04-20'),
      price('EMPLOYMENT_OFFER', 'HOUR', 30_000, '2026-04-21'),
    ];
    const job = activity({ id: 'j', department: 'JOBCENTER', sectorPlanKind: 'JOBPLAN', hoursPerWeek: 7 });
    // 10 days (11th-20th) at 200 DKK per hour, 10 days at 300 DKK: 10 h each.
    expect(amounts(family([job]), prices)).toEqual([
      ['EMPLOYMENT_OFFER', 'HOUR', 10_000, 200_000, null],
      ['EMPLOYMENT_OFFER', 'HOUR', 10_000, 300_000, null],
    ]);
    expect(amounts(family([{ ...job, status: 'CANCELLED' }]), prices)).toEqual([]);
    // A leisure activity (OTHER) is priced only if the municipality prices FAMILY_ACTIVITY.
    expect(amounts(family([activity({ sectorPlanKind: 'OTHER' })]), prices)).toEqual([]);
  });

  it('counts a former member’s benefit until the day they left', () => {
    const f = family([], {
      formerMembers: [
        {
          id: 'p2',
          removedOn: '2026-04-15',
          benefitPeriods: [{ id: 'b1', type: 'KONTANTHJAELP', from: '2026-01-01', to: null }],
        },
      ],
    });
    expect(amounts(f, [price('KONTANTHJAELP', 'MONTH', 1_500_000)])).toEqual([
      ['KONTANTHJAELP', 'MONTH', 500, 750_000, 'p2'],
    ]);
  });
});
