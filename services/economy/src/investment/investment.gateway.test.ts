import { economy, familyDept, startEconomyKit, type EconomyKit } from '../__tests__/economy-kit';

/** The investment model worked by hand: 3 years, two payers, without and with a 4% discount rate. */
let kit: EconomyKit;

const CREATE = `mutation($input: CreateInvestmentCaseInput!) { createInvestmentCase(input: $input) {
  id name participants horizonYears discountRateBasisPoints priceDate
  outcomes { name successRateWithEffort successRateWithoutEffort consequences { costType yearlyQuantityChange } }
  result { unpricedCostTypes
    payers { payer breakEvenYear years { year grossConsequences { ore } effortCost { ore } net { ore } cumulativeNet { ore } } }
    total { payer breakEvenYear years { year grossConsequences { ore } effortCost { ore } net { ore } cumulativeNet { ore } } } } } }`;

/**
 * 40 participants. Parent in work: 35% with the effort, 10% without → 10 extra successes, each 6 months
 * less kontanthjælp (15,000 DKK a month, the municipality bears 50%, the state the rest): 900,000 DKK a
 * year, 450,000 to each. Placement avoided: 15% against 5% → 4 extra, each 30 days less placement at
 * 2,000 DKK (all the municipality's): 240,000 DKK. The effort: 350,000 DKK start-up, 570,000 DKK a year.
 */
const input = (discountRateBasisPoints: number) => ({
  name: 'Helhedsindsats, 40 familier',
  participants: 40,
  horizonYears: 3,
  startsOn: '2026-01-01',
  discountRateBasisPoints,
  startUpCostOre: 35_000_000,
  runningCostPerYearOre: 57_000_000,
  outcomes: [
    {
      name: 'Forælder i job',
      successRateWithEffort: 0.35,
      successRateWithoutEffort: 0.1,
      consequences: [{ costType: 'KONTANTHJAELP', yearlyQuantityChange: -6 }],
    },
    {
      name: 'Anbringelse undgået',
      successRateWithEffort: 0.15,
      successRateWithoutEffort: 0.05,
      consequences: [{ costType: 'OUT_OF_HOME_PLACEMENT', yearlyQuantityChange: -30 }],
    },
  ],
});

const years = (rows: Array<[number, number, number, number]>) =>
  rows.map(([gross, effort, net, cumulative], i) => ({
    year: i + 1,
    grossConsequences: { ore: gross },
    effortCost: { ore: effort },
    net: { ore: net },
    cumulativeNet: { ore: cumulative },
  }));

beforeAll(async () => {
  kit = await startEconomyKit();
  await kit.price({
    costType: 'KONTANTHJAELP',
    unit: 'MONTH',
    priceOre: 1_500_000,
    validFrom: '2024-01-01',
    payer: 'MUNICIPALITY',
    municipalityShareBasisPoints: 5000,
  });
  await kit.price({ costType: 'OUT_OF_HOME_PLACEMENT', unit: 'DAY', priceOre: 200_000, validFrom: '2024-01-01' });
}, 120_000);

afterAll(async () => {
  await kit?.close();
});

describe('an investment case', () => {
  it('without discounting: the municipality breaks even in year 3, the state in year 1', async () => {
    const { createInvestmentCase: c } = await kit.stack.graph.request(economy, CREATE, { input: input(0) });
    expect(c.outcomes[0]).toEqual({
      name: 'Forælder i job',
      successRateWithEffort: 0.35,
      successRateWithoutEffort: 0.1,
      consequences: [{ costType: 'KONTANTHJAELP', yearlyQuantityChange: -6 }],
    });
    expect(c.priceDate).toBe('2026-01-01');
    expect(c.result.payers).toEqual([
      {
        payer: 'MUNICIPALITY',
        // 450,000 + 240,000 DKK a year against 920,000 DKK the first year and 570,000 DKK after.
        years: years([
          [69_000_000, 92_000_000, -23_000_000, -23_000_000],
          [69_000_000, 57_000_000, 12_000_000, -11_000_000],
          [69_000_000, 57_000_000, 12_000_000, 1_000_000],
        ]),
        breakEvenYear: 3,
      },
      {
        payer: 'STATE',
        years: years([
          [45_000_000, 0, 45_000_000, 45_000_000],
          [45_000_000, 0, 45_000_000, 90_000_000],
          [45_000_000, 0, 45_000_000, 135_000_000],
        ]),
        breakEvenYear: 1,
      },
    ]);
    expect(c.result.total).toMatchObject({ payer: null, breakEvenYear: 1 });
  });

  it('discounted at 4%: year t divided by 1.04^(t-1), so the municipality does not break even in 3 years', async () => {
    const { createInvestmentCase: c } = await kit.stack.graph.request(economy, CREATE, { input: input(400) });
    // 69,000,000 / 1.04 = 66,346,153.85; 57,000,000 / 1.04 = 54,807,692.31;
    // 69,000,000 / 1.0816 = 63,794,378.70; 57,000,000 / 1.0816 = 52,699,704.14.
    expect(c.result.payers[0]).toEqual({
      payer: 'MUNICIPALITY',
      years: years([
        [69_000_000, 92_000_000, -23_000_000, -23_000_000],
        [66_346_154, 54_807_692, 11_538_462, -11_461_538],
        [63_794_379, 52_699_704, 11_094_675, -366_863],
      ]),
      breakEvenYear: null,
    });
    // 45,000,000 / 1.04 = 43,269,230.77; 45,000,000 / 1.0816 = 41,605,029.59.
    expect(c.result.payers[1]).toEqual({
      payer: 'STATE',
      years: years([
        [45_000_000, 0, 45_000_000, 45_000_000],
        [43_269_231, 0, 43_269_231, 88_269_231],
        [41_605_030, 0, 41_605_030, 129_874_261],
      ]),
      breakEvenYear: 1,
    });
    expect(c.result.total.years[2]).toEqual({
      year: 3,
      grossConsequences: { ore: 105_399_409 },
      effortCost: { ore: 52_699_704 },
      net: { ore: 52_699_705 },
      cumulativeNet: { ore: 22_000_000 + 54_807_693 + 52_699_705 },
    });
    const { investmentCases } = await kit.stack.graph.request(familyDept, `{ investmentCases { id } }`);
    expect(investmentCases.map((x: { id: string }) => x.id)).toContain(c.id);
  });

  it('refuses success rates outside 0-1, a horizon outside 1-10, an unpriced cost type; nothing written', async () => {
    const bad = input(0);
    await kit.refused(CREATE, { input: { ...bad, horizonYears: 11 } }, 'input.horizonYears');
    await kit.refused(CREATE, { input: { ...bad, horizonYears: 0 } }, 'input.horizonYears');
    const rate = structuredClone(bad);
    rate.outcomes[1]!.successRateWithEffort = 1.2;
    await kit.refused(CREATE, { input: rate }, 'input.outcomes[1].successRateWithEffort');
    const negative = structuredClone(bad);
    negative.outcomes[0]!.successRateWithoutEffort = -0.1;
    await kit.refused(CREATE, { input: negative }, 'input.outcomes[0].successRateWithoutEffort');
    const unknown = structuredClone(bad);
    unknown.outcomes[0]!.consequences[0]!.costType = 'UNKNOWN_TYPE';
    await kit.refused(CREATE, { input: unknown }, 'input.outcomes[0].consequences[0].costType');
    const res = await kit.stack.post(familyDept, CREATE, { input: bad });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
