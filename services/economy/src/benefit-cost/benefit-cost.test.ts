import { monthlyBenefitCost, type MonthlyPrice } from './benefit-cost';

const prices: MonthlyPrice[] = [
  { costType: 'KONTANTHJAELP', priceOre: 1_500_000, validFrom: '2026-01-01', validTo: '2026-11-15' },
  { costType: 'KONTANTHJAELP', priceOre: 1_800_000, validFrom: '2026-11-16', validTo: null },
  { costType: 'SYGEDAGPENGE', priceOre: 2_000_000, validFrom: '2020-01-01', validTo: null },
];

describe('monthlyBenefitCost', () => {
  it('charges a whole month for a period covering it', () => {
    expect(monthlyBenefitCost([{ type: 'SYGEDAGPENGE', from: '2026-01-01', to: null }], '2026-11', prices)).toEqual({
      ore: 2_000_000,
      unpricedDays: 0,
    });
  });

  it('prorates by covered days and splits at a price change', () => {
    // 15 days at 15,000 DKK and 15 days at 18,000 DKK in a 30-day month
    expect(monthlyBenefitCost([{ type: 'KONTANTHJAELP', from: '2026-10-01', to: null }], '2026-11', prices).ore).toBe(
      750_000 + 900_000,
    );
    // 10 days in February 2026 (28 days): 15,000 * 10 / 28 = 5,357.14 DKK
    expect(
      monthlyBenefitCost([{ type: 'KONTANTHJAELP', from: '2026-02-19', to: '2026-03-05' }], '2026-02', prices).ore,
    ).toBe(535_714);
  });

  it('ignores periods outside the month and NONE, and reports unpriced days', () => {
    expect(
      monthlyBenefitCost(
        [
          { type: 'KONTANTHJAELP', from: '2025-01-01', to: '2025-12-31' },
          { type: 'NONE', from: '2026-01-01', to: null },
          { type: 'FLEKSJOB', from: '2026-11-21', to: null },
        ],
        '2026-11',
        prices,
      ),
    ).toEqual({ ore: 0, unpricedDays: 10 });
  });
});
