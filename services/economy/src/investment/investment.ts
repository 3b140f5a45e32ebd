import { InputProblems } from '@helhed/errors';
import { isRealDate } from '@helhed/calendar';
import type { Payer } from '../price-catalogue/price-catalogue.entity';

export interface InvestmentConsequence {
  costType: string;
  /** Units per year per success, in thousandths. */
  yearlyQuantityChangeMilli: number;
}

export interface InvestmentOutcome {
  name: string;
  /** Success rates in hundredths of a per cent (10000 = 1). */
  withEffortBasisPoints: number;
  withoutEffortBasisPoints: number;
  consequences: InvestmentConsequence[];
}

export interface InvestmentCaseFacts {
  participants: number;
  horizonYears: number;
  discountRateBasisPoints: number;
  startUpCostOre: number;
  runningCostPerYearOre: number;
  effortPayer: Payer;
  outcomes: InvestmentOutcome[];
}

export interface CasePrice {
  costType: string;
  priceOre: number;
  payer: Payer;
  municipalityShareBasisPoints: number;
}

export const PAYERS: Payer[] = ['MUNICIPALITY', 'REGION', 'STATE'];

export interface YearFigures {
  year: number;
  grossOre: number;
  effortOre: number;
  netOre: number;
  cumulativeOre: number;
}

export interface PayerForecast {
  payer: Payer | null;
  years: YearFigures[];
  breakEvenYear: number | null;
}

/** n ÷ d rounded half away from zero, in exact integers. */
function roundBig(n: bigint, d: bigint): number {
  const neg = n < 0n !== d < 0n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  const q = (2n * a + b) / (2n * b);
  return Number(neg ? -q : q);
}

function summarise(payer: Payer | null, rows: Array<{ grossOre: number; effortOre: number }>): PayerForecast {
  let cumulative = 0;
  let breakEvenYear: number | null = null;
  const years = rows.map((r, i) => {
    const netOre = r.grossOre - r.effortOre;
    cumulative += netOre;
    if (breakEvenYear === null && cumulative >= 0) breakEvenYear = i + 1;
    return { year: i + 1, grossOre: r.grossOre, effortOre: r.effortOre, netOre, cumulativeOre: cumulative };
  });
  return { payer, years, breakEvenYear };
}

/**
 * The forecast of an investment case per payer and year, in exact integer
 * arithmetic: each year's gross consequence and effort cost of a payer is one
 * fraction, discounted by (1 + rate)^(year − 1) and rounded once to whole øre.
 * Less use of a service (a negative change) is a positive consequence.
 */
export function forecast(c: InvestmentCaseFacts, prices: CasePrice[]) {
  const unpriced = new Set<string>();
  // Yearly gross per payer as a fraction over DEN = 10000 (rate) × 1000 (quantity) × 10000 (share).
  const DEN = 10_000n * 1_000n * 10_000n;
  const yearlyGross = new Map<Payer, bigint>(PAYERS.map((p) => [p, 0n]));
  for (const outcome of c.outcomes) {
    const extra = BigInt(c.participants) * BigInt(outcome.withEffortBasisPoints - outcome.withoutEffortBasisPoints);
    for (const consequence of outcome.consequences) {
      const price = prices.find((p) => p.costType === consequence.costType);
      if (!price) {
        unpriced.add(consequence.costType);
        continue;
      }
      // Saving = −change × price.
      const whole = -extra * BigInt(consequence.yearlyQuantityChangeMilli) * BigInt(price.priceOre);
      const municipal = whole * BigInt(price.municipalityShareBasisPoints);
      const rest = whole * BigInt(10_000 - price.municipalityShareBasisPoints);
      const other: Payer = price.payer === 'MUNICIPALITY' ? 'STATE' : price.payer;
      yearlyGross.set('MUNICIPALITY', yearlyGross.get('MUNICIPALITY')! + municipal);
      yearlyGross.set(other, yearlyGross.get(other)! + rest);
    }
  }
  const rate = BigInt(c.discountRateBasisPoints);
  const byPayer = new Map<Payer, Array<{ grossOre: number; effortOre: number }>>(PAYERS.map((p) => [p, []]));
  for (let year = 1; year <= c.horizonYears; year += 1) {
    // Discount factor 10000^(t−1) / (10000 + rate)^(t−1).
    const num = 10_000n ** BigInt(year - 1);
    const den = (10_000n + rate) ** BigInt(year - 1);
    const effort = BigInt(c.runningCostPerYearOre + (year === 1 ? c.startUpCostOre : 0));
    for (const payer of PAYERS) {
      byPayer.get(payer)!.push({
        grossOre: roundBig(yearlyGross.get(payer)! * num, DEN * den),
        effortOre: payer === c.effortPayer ? roundBig(effort * num, den) : 0,
      });
    }
  }
  const payers = PAYERS.filter((p) => byPayer.get(p)!.some((r) => r.grossOre !== 0 || r.effortOre !== 0)).map((p) =>
    summarise(p, byPayer.get(p)!),
  );
  const total = summarise(
    null,
    Array.from({ length: c.horizonYears }, (_, i) => ({
      grossOre: PAYERS.reduce((s, p) => s + byPayer.get(p)![i]!.grossOre, 0),
      effortOre: PAYERS.reduce((s, p) => s + byPayer.get(p)![i]!.effortOre, 0),
    })),
  );
  return { payers, total, unpricedCostTypes: [...unpriced].sort() };
}

export interface NewInvestmentCase {
  name: string;
  projectId?: string | null;
  participants: number;
  horizonYears: number;
  startsOn: string;
  discountRateBasisPoints?: number | null;
  priceDate?: string | null;
  startUpCostOre: number;
  runningCostPerYearOre: number;
  effortPayer?: Payer | null;
  outcomes: Array<{
    name: string;
    successRateWithEffort: number;
    successRateWithoutEffort: number;
    consequences: Array<{ costType: string; yearlyQuantityChange: number }>;
  }>;
}

/** A decimal with at most `places` decimals as a whole number of 10^-places, or null when it has more. */
function scaled(value: number, places: number): number | null {
  const factor = 10 ** places;
  const n = Math.round(value * factor);
  return Math.abs(value * factor - n) < 1e-6 ? n : null;
}

const MAX_MONEY = 1_000_000_000_000; // ten billion DKK

/** Checks a new investment case against the priced cost types; every problem with its field. */
export function validateInvestmentCase(input: NewInvestmentCase, pricedCostTypes: Set<string>) {
  const problems = new InputProblems();
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200) problems.add('input.name', 'A name is 1-200 characters');
  if (!Number.isInteger(input.participants) || input.participants < 1 || input.participants > 100_000)
    problems.add('input.participants', 'Participants are 1-100000');
  if (!Number.isInteger(input.horizonYears) || input.horizonYears < 1 || input.horizonYears > 10)
    problems.add('input.horizonYears', 'The horizon is 1-10 years');
  const rate = input.discountRateBasisPoints ?? 0;
  if (!Number.isInteger(rate) || rate < 0 || rate > 2000)
    problems.add('input.discountRateBasisPoints', 'The discount rate is 0-2000 hundredths of a per cent (0-20%)');
  if (!isRealDate(input.startsOn)) problems.add('input.startsOn', 'Not a real date');
  for (const field of ['startUpCostOre', 'runningCostPerYearOre'] as const) {
    const v = input[field];
    if (!Number.isSafeInteger(v) || v < 0 || v > MAX_MONEY)
      problems.add(`input.${field}`, 'A cost is a whole number of øre, not negative');
  }
  if (input.outcomes.length === 0) problems.add('input.outcomes', 'At least one outcome');
  const outcomes: InvestmentOutcome[] = input.outcomes.map((o, i) => {
    const at = `input.outcomes[${i}]`;
    if (o.name.trim().length < 1 || o.name.length > 200) problems.add(`${at}.name`, 'A name is 1-200 characters');
    const rates = (['successRateWithEffort', 'successRateWithoutEffort'] as const).map((f) => {
      const bp = scaled(o[f], 4);
      if (bp === null || o[f] < 0 || o[f] > 1)
        problems.add(`${at}.${f}`, 'A success rate is from 0 to 1, at most four decimals');
      return bp ?? 0;
    });
    if (o.consequences.length === 0) problems.add(`${at}.consequences`, 'At least one consequence');
    const consequences = o.consequences.map((c, j) => {
      if (!pricedCostTypes.has(c.costType))
        problems.add(`${at}.consequences[${j}].costType`, `The catalogue has no price of ${c.costType}`);
      const milli = scaled(c.yearlyQuantityChange, 3);
      if (milli === null || Math.abs(c.yearlyQuantityChange) > 100_000)
        problems.add(
          `${at}.consequences[${j}].yearlyQuantityChange`,
          'A change is -100000 to 100000, at most three decimals',
        );
      return { costType: c.costType, yearlyQuantityChangeMilli: milli ?? 0 };
    });
    return { name: o.name.trim(), withEffortBasisPoints: rates[0]!, withoutEffortBasisPoints: rates[1]!, consequences };
  });
  problems.throwIfAny();
  return {
    name,
    projectId: input.projectId ?? null,
    participants: input.participants,
    horizonYears: input.horizonYears,
    startsOn: input.startsOn,
    discountRateBasisPoints: rate,
    priceDate: input.priceDate ?? input.startsOn,
    startUpCostOre: input.startUpCostOre,
    runningCostPerYearOre: input.runningCostPerYearOre,
    effortPayer: input.effortPayer ?? 'MUNICIPALITY',
    outcomes,
  };
}
