import { randomUUID } from 'node:crypto';
import { queryDatabase } from '@helhed/testing';
import { economy, familyDept, jobcenter, startEconomyKit, type EconomyKit } from '../__tests__/economy-kit';

/**
 * The price catalogue, the cost ledger derived from benefit periods and plan
 * activities through Federation, and a family's costs before, during and after
 * the effort — through the gateway on real databases.
 */
let kit: EconomyKit;
let familyId: string;
let parent: string;
let child: string;
let offerId: string;

const ADD_PRICE = `mutation($input: AddPriceCatalogueEntryInput!) { addPriceCatalogueEntry(input: $input) { id } }`;
const MANUAL = `mutation($input: RecordManualCostInput!) { recordManualCost(input: $input) {
  id source quantity unitPriceOre amount { ore dkk } price { id } family { id } } }`;
const COSTS = `query($id: ID!, $from: YearMonth, $to: YearMonth) { family(id: $id) { costs(from: $from, to: $to) {
  from to total { ore }
  months { month phase total { ore } byDepartment { department amount { ore } } }
  byCostType { costType department amount { ore } }
  baseline { firstMonth lastMonth monthCount total { ore } monthlyAverage { ore } }
  during { firstMonth lastMonth monthCount total { ore } monthlyAverage { ore } }
  after { firstMonth lastMonth monthCount total { ore } monthlyAverage { ore } }
  entries { id month source costType department quantity unit unitPriceOre amount { ore }
    person { id } planActivity { id } benefitPeriod { id } }
} } }`;

const costs = async (from?: string, to?: string) =>
  (await kit.stack.graph.request(economy, COSTS, { id: familyId, from, to })).family.costs;
const entriesTable = () =>
  queryDatabase(
    kit.stack.databases.economy.url,
    `SELECT id, month, source, amount_ore::int AS amount, updated_at FROM cost_entry ORDER BY month, source, amount_ore`,
  );

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
  await kit.price({ costType: 'EMPLOYMENT_OFFER', unit: 'HOUR', priceOre: 25_000, validFrom: '2024-01-01' });
  await kit.price({ costType: 'FAMILY_TREATMENT', unit: 'HOUR', priceOre: 80_000, validFrom: '2024-01-01' });
  const family = await kit.createFamily('ECON-1', '2026-01-05');
  familyId = family.id;
  [parent, child] = family.memberIds as [string, string];
  const planId = await kit.openPlan(familyId, parent);
  // Kontanthjælp from 16 June 2025 to 10 February 2026, then again in May 2026.
  await kit.benefit(parent, 'KONTANTHJAELP', '2025-06-16', '2026-02-10');
  await kit.benefit(parent, 'KONTANTHJAELP', '2026-05-01', '2026-05-31');
  // A jobplan offer of 10 hours a week from 2 February to 31 March 2026.
  offerId = await kit.addActivity({
    planId,
    department: 'JOBCENTER',
    sectorPlanKind: 'JOBPLAN',
    memberIds: [parent],
    responsibleCaseworkerId: kit.caseworkers.jobcenter,
    startsOn: '2026-02-02',
    endsOn: '2026-03-31',
    hoursPerWeek: 10,
  });
  // A cancelled family treatment counts nothing.
  const cancelled = await kit.addActivity({
    planId,
    department: 'FAMILY',
    sectorPlanKind: 'HANDLEPLAN',
    memberIds: [parent, child],
    startsOn: '2026-01-05',
    hoursPerWeek: 2,
  });
  await kit.stack.graph.request(
    familyDept,
    `mutation($input: ChangeActivityStatusInput!) { changeActivityStatus(input: $input) { id } }`,
    { input: { activityId: cancelled, status: 'CANCELLED', reason: 'Familien takkede nej' } },
  );
  await kit.stack.graph.request(
    familyDept,
    `mutation($input: CloseFamilyInput!) { closeFamily(input: $input) { id } }`,
    { input: { familyId, closedOn: '2026-03-31', reason: 'Mål nået' } },
  );
}, 120_000);

afterAll(async () => {
  await kit?.close();
});

describe('the price catalogue', () => {
  it('shows who pays and the municipality share, and marks example prices', async () => {
    await kit.price({
      costType: 'RELIEF_CARE',
      unit: 'DAY',
      priceOre: 150_000,
      validFrom: '2024-01-01',
      isExample: true,
    });
    const { priceCatalogue } = await kit.stack.graph.request(
      economy,
      `{ priceCatalogue(validOn: "2026-01-01") { costType unit priceDkk payer municipalityShareBasisPoints department isExample } }`,
    );
    expect(priceCatalogue).toContainEqual({
      costType: 'KONTANTHJAELP',
      unit: 'MONTH',
      priceDkk: '15000.00',
      payer: 'MUNICIPALITY',
      municipalityShareBasisPoints: 5000,
      department: 'JOBCENTER',
      isExample: false,
    });
    expect(priceCatalogue).toContainEqual(
      expect.objectContaining({ costType: 'RELIEF_CARE', isExample: true, department: 'FAMILY' }),
    );
  });

  it('refuses a negative price, a unit that is not the cost type’s, an overlapping validity; nothing written', async () => {
    const base = { costType: 'CONTACT_PERSON', unit: 'HOUR', priceOre: 40_000, validFrom: '2024-01-01' };
    await kit.refused(ADD_PRICE, { input: { ...base, priceOre: -1 } }, 'input.priceOre');
    await kit.refused(ADD_PRICE, { input: { ...base, unit: 'DAY' } }, 'input.unit');
    await kit.refused(ADD_PRICE, { input: { ...base, costType: 'KONTANTHJAELP', unit: 'HOUR' } }, 'input.unit');
    await kit.refused(
      ADD_PRICE,
      { input: { ...base, municipalityShareBasisPoints: 10_001 } },
      'input.municipalityShareBasisPoints',
    );
    const overlap = await kit.refused(
      ADD_PRICE,
      { input: { costType: 'KONTANTHJAELP', unit: 'MONTH', priceOre: 1_600_000, validFrom: '2025-12-01' } },
      'input.validFrom',
    );
    expect(overlap.message).toMatch(/already has a price/);
    // A type the municipality invents keeps the unit of its first price.
    await kit.price({ ...base, costType: 'HOME_VISIT', unit: 'SESSION' });
    await kit.refused(ADD_PRICE, { input: { ...base, costType: 'HOME_VISIT', validFrom: '2030-01-01' } }, 'input.unit');
  });

  it('lets only the economy department change the catalogue', async () => {
    const res = await kit.stack.post(jobcenter, ADD_PRICE, {
      input: { costType: 'CONTACT_PERSON', unit: 'HOUR', priceOre: 1, validFrom: '2024-01-01' },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe("a family's costs", () => {
  it('derives entries from benefit periods and activities, pro rata by days, with baseline, during and after', async () => {
    const c = await costs('2026-01', '2026-05');
    expect(c.months.map((m: any) => [m.month, m.phase, m.total.ore])).toEqual([
      ['2026-01', 'DURING', 1_500_000],
      // 10 of 28 days of kontanthjælp (535,714.29 → 535,714 øre) and 27 days × 10 h/7 = 38.571 h at 250 DKK (964,285.71 → 964,286)
      ['2026-02', 'DURING', 535_714 + 964_286],
      // 31 days × 10 h / 7 = 44.286 h at 250 DKK = 11,071.43 DKK
      ['2026-03', 'DURING', 1_107_143],
      ['2026-04', 'AFTER', 0],
      ['2026-05', 'AFTER', 1_500_000],
    ]);
    const feb = c.entries.filter((e: any) => e.month === '2026-02');
    expect(feb).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'DERIVED_BENEFIT',
          costType: 'KONTANTHJAELP',
          department: 'JOBCENTER',
          quantity: 0.357,
          unit: 'MONTH',
          amount: { ore: 535_714 },
          person: { id: parent },
        }),
        expect.objectContaining({
          source: 'DERIVED_ACTIVITY',
          costType: 'EMPLOYMENT_OFFER',
          quantity: 38.571,
          unit: 'HOUR',
          unitPriceOre: 25_000,
          amount: { ore: 964_286 },
          planActivity: { id: offerId },
          benefitPeriod: null,
        }),
      ]),
    );
    expect(feb).toHaveLength(2);
    expect(c.months[1].byDepartment).toEqual([{ department: 'JOBCENTER', amount: { ore: 1_500_000 } }]);
    // Baseline 2025-01..2025-12: 15 of 30 June days + 6 whole months.
    expect(c.baseline).toEqual({
      firstMonth: '2025-01',
      lastMonth: '2025-12',
      monthCount: 12,
      total: { ore: 9_750_000 },
      monthlyAverage: { ore: 812_500 },
    });
    expect(c.during).toEqual({
      firstMonth: '2026-01',
      lastMonth: '2026-03',
      monthCount: 3,
      total: { ore: 4_107_143 },
      monthlyAverage: { ore: 1_369_048 },
    });
    expect(c.after).toEqual({
      firstMonth: '2026-04',
      lastMonth: '2026-05',
      monthCount: 2,
      total: { ore: 1_500_000 },
      monthlyAverage: { ore: 750_000 },
    });
    expect(c.total.ore).toBe(4_107_143 + 1_500_000);
    expect(c.byCostType).toEqual([
      { costType: 'EMPLOYMENT_OFFER', department: 'JOBCENTER', amount: { ore: 964_286 + 1_107_143 } },
      { costType: 'KONTANTHJAELP', department: 'JOBCENTER', amount: { ore: 1_500_000 + 535_714 + 1_500_000 } },
    ]);
  });

  it('recomputes idempotently: reading again keeps the same rows untouched', async () => {
    const before = await entriesTable();
    await costs('2026-01', '2026-05');
    await costs('2026-02', '2026-02');
    expect(await entriesTable()).toEqual(before);
  });

  it('follows a changed source: the month’s row is updated in place', async () => {
    const before = (await costs('2026-03', '2026-03')).entries[0];
    await kit.stack.graph.request(
      familyDept,
      `mutation($input: UpdatePlanActivityInput!) { updatePlanActivity(input: $input) { id } }`,
      { input: { activityId: offerId, endsOn: '2026-03-15' } },
    );
    const after = (await costs('2026-03', '2026-03')).entries;
    // 15 days × 10 h / 7 = 21.429 h at 250 DKK = 5,357.14 DKK: the same row, a new amount.
    expect(after).toEqual([{ ...before, quantity: 21.429, amount: { ore: 535_714 } }]);
  });

  it('adds manual entries for the baseline before the platform, priced from the catalogue or given', async () => {
    const { recordManualCost: given } = await kit.stack.graph.request(economy, MANUAL, {
      input: {
        familyId,
        department: 'FAMILY',
        costType: 'CONTACT_PERSON',
        month: '2025-03',
        quantity: 10,
        unit: 'HOUR',
        unitPriceOre: 40_000,
        note: 'Fra sagen',
      },
    });
    expect(given).toMatchObject({
      source: 'MANUAL',
      quantity: 10,
      unitPriceOre: 40_000,
      amount: { ore: 400_000, dkk: '4000.00' },
      price: null,
      family: { id: familyId },
    });
    const { recordManualCost: priced } = await kit.stack.graph.request(economy, MANUAL, {
      input: {
        familyId,
        personId: child,
        department: 'FAMILY',
        costType: 'FAMILY_TREATMENT',
        month: '2025-04',
        quantity: 1.5,
        unit: 'HOUR',
        note: 'Fra sagen',
      },
    });
    expect(priced).toMatchObject({ unitPriceOre: 80_000, amount: { ore: 120_000 }, price: { id: expect.any(String) } });
    const c = await costs('2026-01', '2026-01');
    expect(c.baseline.total.ore).toBe(9_750_000 + 400_000 + 120_000);
    expect(c.baseline.monthlyAverage.ore).toBe(855_833); // 10,270,000 / 12 = 855,833.33
  });

  it('refuses bad manual entries with the field, and writes nothing', async () => {
    const input = {
      familyId,
      department: 'FAMILY',
      costType: 'FAMILY_TREATMENT',
      month: '2025-04',
      quantity: 1,
      unit: 'HOUR',
      note: 'x',
    };
    await kit.refused(MANUAL, { input: { ...input, unit: 'DAY' } }, 'input.unit');
    await kit.refused(MANUAL, { input: { ...input, quantity: -1 } }, 'input.quantity');
    await kit.refused(MANUAL, { input: { ...input, quantity: 1.0005 } }, 'input.quantity');
    await kit.refused(MANUAL, { input: { ...input, department: 'HEALTH' } }, 'input.department');
    await kit.refused(
      MANUAL,
      { input: { ...input, costType: 'CASEWORKER_TIME', month: '2023-01' } },
      'input.unitPriceOre',
    );
    await kit.refused(MANUAL, { input: { ...input, unitPriceOre: -5 } }, 'input.unitPriceOre');
    // A mutation gets no @requires: the family subgraph is asked whether the family and member exist.
    await kit.refused(MANUAL, { input: { ...input, familyId: randomUUID() } }, 'input.familyId');
    const stranger = (await kit.createFamily('ECON-OTHER', '2026-01-05', 1, 0)).memberIds[0];
    await kit.refused(MANUAL, { input: { ...input, personId: stranger } }, 'input.personId');
    const forbidden = await kit.stack.post(familyDept, MANUAL, { input });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a range longer than ten years or backwards', async () => {
    const res = await kit.stack.post(economy, COSTS, { id: familyId, from: '2010-01', to: '2026-01' });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const back = await kit.stack.post(economy, COSTS, { id: familyId, from: '2026-05', to: '2026-01' });
    expect(back.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
