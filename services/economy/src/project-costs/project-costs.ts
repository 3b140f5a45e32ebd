import { addMonths, monthOf } from '../dates';
import { money, roundDiv } from '../money';
import { byDepartment, type LedgerLine } from '../family-costs/family-costs';

export type CostVerdict = 'STABILISED' | 'INCREASED' | 'REDUCED';

/** A family's time in a project, as the family subgraph sends it. */
export interface EnrolmentFacts {
  familyId: string;
  enrolledOn: string;
  endedOn: string | null;
}

/**
 * The verdict on a change against the baseline: within ± the threshold
 * (inclusive) STABILISED, above it INCREASED, below it REDUCED. Compared in
 * exact integers (no rounding at the edge). Null when the baseline is 0.
 */
export function verdictOf(totalOre: number, baselineOre: number, thresholdPercent: number): CostVerdict | null {
  if (baselineOre <= 0) return null;
  // (total - baseline) / baseline * 100 vs threshold, multiplied out; the threshold in hundredths of a per cent.
  const change = (totalOre - baselineOre) * 10_000;
  const band = Math.round(thresholdPercent * 100) * baselineOre;
  if (change > band) return 'INCREASED';
  if (change < -band) return 'REDUCED';
  return 'STABILISED';
}

/** The change in per cent, to one decimal (half away from zero); null when the baseline is 0. */
export function trendPercent(totalOre: number, baselineOre: number): number | null {
  if (baselineOre <= 0) return null;
  return roundDiv((totalOre - baselineOre) * 1000, baselineOre) / 10;
}

/** Whether an enrolment counts in a month: from its enrolment month to the month it ended. */
const countsIn = (e: EnrolmentFacts, month: string) =>
  month >= monthOf(e.enrolledOn) && (!e.endedOn || month <= monthOf(e.endedOn));

/** The months whose ledger a project's costs need: the range plus each family's baseline. */
export function monthsNeeded(enrolments: EnrolmentFacts[], months: string[]): string[] {
  const all = new Set(months);
  for (const e of enrolments) {
    const first = monthOf(e.enrolledOn);
    for (let i = 1; i <= 12; i += 1) all.add(addMonths(first, -i));
  }
  return [...all].sort();
}

/** The costs of a project's families over a range of months against their baseline. Totals only. */
export function summariseProjectCosts(
  enrolments: EnrolmentFacts[],
  months: string[],
  lines: LedgerLine[],
  thresholdPercent: number,
) {
  // Each family's baseline: the monthly average of its 12 months before the enrolment month.
  const baselineOf = new Map<string, number>();
  for (const e of enrolments) {
    const first = monthOf(e.enrolledOn);
    const from = addMonths(first, -12);
    const total = lines
      .filter((l) => l.familyId === e.familyId && l.month >= from && l.month < first)
      .reduce((s, l) => s + l.amountOre, 0);
    baselineOf.set(e.familyId, roundDiv(total, 12));
  }
  const monthRows = months.map((month) => {
    const counted = enrolments.filter((e) => countsIn(e, month));
    const ids = new Set(counted.map((e) => e.familyId));
    const ofMonth = lines.filter((l) => l.month === month && ids.has(l.familyId));
    const total = ofMonth.reduce((s, l) => s + l.amountOre, 0);
    const baseline = counted.reduce((s, e) => s + (baselineOf.get(e.familyId) ?? 0), 0);
    return {
      month,
      familyCount: counted.length,
      totalOre: total,
      baselineOre: baseline,
      lines: ofMonth,
    };
  });
  const total = monthRows.reduce((s, m) => s + m.totalOre, 0);
  const baseline = monthRows.reduce((s, m) => s + m.baselineOre, 0);
  const counted = monthRows.some((m) => m.familyCount > 0);
  return {
    from: months[0]!,
    to: months[months.length - 1]!,
    months: monthRows.map((m) => ({
      month: m.month,
      familyCount: m.familyCount,
      total: money(m.totalOre),
      byDepartment: byDepartment(m.lines),
      baseline: money(m.baselineOre),
      trendPercent: trendPercent(m.totalOre, m.baselineOre),
      verdict: m.familyCount > 0 ? verdictOf(m.totalOre, m.baselineOre, thresholdPercent) : null,
    })),
    byDepartment: byDepartment(monthRows.flatMap((m) => m.lines)),
    total: money(total),
    baseline: money(baseline),
    trendPercent: trendPercent(total, baseline),
    verdict: counted ? verdictOf(total, baseline, thresholdPercent) : null,
    thresholdPercent,
  };
}
