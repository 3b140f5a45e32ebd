import { UserInputError } from '@helhed/errors';
import { addMonths, monthOf, monthsFrom } from '../dates';
import { money, roundDiv, type Money } from '../money';
import type { Department } from '../price-catalogue/cost-types';

export type CostPhase = 'BASELINE' | 'DURING' | 'AFTER' | 'OTHER';

/** The part of a ledger row the summaries use. */
export interface LedgerLine {
  familyId: string;
  department: Department;
  costType: string;
  month: string;
  amountOre: number;
}

/** The most months one question about costs may span (ten years). */
export const MAX_MONTHS = 120;

/** The 12 months before the month of enrolment. */
export function baselineMonths(enrolmentDate: string): string[] {
  const enrolled = monthOf(enrolmentDate);
  return monthsFrom(addMonths(enrolled, -12), addMonths(enrolled, -1));
}

/** Which phase of a family's course a month is in. */
export function phaseOf(month: string, enrolmentDate: string | null, closedOn: string | null): CostPhase {
  if (!enrolmentDate) return 'OTHER';
  const enrolled = monthOf(enrolmentDate);
  if (month >= addMonths(enrolled, -12) && month < enrolled) return 'BASELINE';
  if (month >= enrolled && (!closedOn || month <= monthOf(closedOn))) return 'DURING';
  if (closedOn && month > monthOf(closedOn)) return 'AFTER';
  return 'OTHER';
}

/** The months a question covers, refused (field `from`) when backwards or longer than MAX_MONTHS. */
export function monthRange(from: string, to: string): string[] {
  if (to < from) throw new UserInputError('to', 'The last month is before the first month');
  const months = monthsFrom(from, to);
  if (months.length > MAX_MONTHS) {
    throw new UserInputError('from', `At most ${MAX_MONTHS} months at a time`);
  }
  return months;
}

const sum = (lines: LedgerLine[]) => lines.reduce((s, l) => s + l.amountOre, 0);

export function byDepartment(lines: LedgerLine[]): Array<{ department: Department; amount: Money }> {
  const totals = new Map<Department, number>();
  for (const l of lines) totals.set(l.department, (totals.get(l.department) ?? 0) + l.amountOre);
  return [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([department, ore]) => ({ department, amount: money(ore) }));
}

export function byCostType(lines: LedgerLine[]) {
  const totals = new Map<string, { department: Department; ore: number }>();
  for (const l of lines) {
    const key = `${l.costType}/${l.department}`;
    const t = totals.get(key) ?? { department: l.department, ore: 0 };
    t.ore += l.amountOre;
    totals.set(key, t);
  }
  return [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, t]) => ({ costType: key.split('/')[0]!, department: t.department, amount: money(t.ore) }));
}

function phaseCosts(phase: CostPhase, months: string[], lines: LedgerLine[]) {
  if (months.length === 0) return null;
  const set = new Set(months);
  const total = sum(lines.filter((l) => set.has(l.month)));
  return {
    phase,
    firstMonth: months[0]!,
    lastMonth: months[months.length - 1]!,
    monthCount: months.length,
    total: money(total),
    monthlyAverage: money(roundDiv(total, months.length)),
  };
}

/** A family's costs over a range of months, from its ledger lines (of the range and of its baseline). */
export function summariseFamilyCosts(
  family: { enrolmentDate: string | null; closedOn: string | null },
  months: string[],
  lines: LedgerLine[],
) {
  const inRange = new Set(months);
  const rangeLines = lines.filter((l) => inRange.has(l.month));
  const phases = months.map((m) => phaseOf(m, family.enrolmentDate, family.closedOn));
  return {
    from: months[0]!,
    to: months[months.length - 1]!,
    months: months.map((month, i) => {
      const ofMonth = rangeLines.filter((l) => l.month === month);
      return {
        month,
        phase: phases[i]!,
        total: money(sum(ofMonth)),
        byDepartment: byDepartment(ofMonth),
        byCostType: byCostType(ofMonth),
      };
    }),
    byDepartment: byDepartment(rangeLines),
    byCostType: byCostType(rangeLines),
    total: money(sum(rangeLines)),
    baseline: family.enrolmentDate ? phaseCosts('BASELINE', baselineMonths(family.enrolmentDate), lines) : null,
    during: phaseCosts(
      'DURING',
      months.filter((_, i) => phases[i] === 'DURING'),
      lines,
    ),
    after: phaseCosts(
      'AFTER',
      months.filter((_, i) => phases[i] === 'AFTER'),
      lines,
    ),
  };
}
