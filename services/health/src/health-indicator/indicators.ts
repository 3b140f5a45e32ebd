import { progressionOf } from '@helhed/server';
import { scoreWho5 } from './health-indicators';
import type { HealthIndicatorsEntity } from './health-indicators.entity';

/**
 * The health coordinator's indicators of the monthly registration, and which
 * way is better: WHO-5 index (0-100) and self-rated health (1-5), higher is
 * better; attending treatment as planned (1 yes, 0 no; no value when not in
 * treatment), higher is better.
 */
export const HEALTH_INDICATORS: ReadonlyArray<{
  indicator: string;
  higherIsBetter: boolean;
  value: (m: HealthIndicatorsEntity) => number | null;
}> = [
  { indicator: 'WHO5_INDEX', higherIsBetter: true, value: (m) => scoreWho5(m.who5Items).index },
  { indicator: 'SELF_RATED_HEALTH', higherIsBetter: true, value: (m) => m.selfRatedHealth },
  {
    indicator: 'ATTENDING_TREATMENT_AS_PLANNED',
    higherIsBetter: true,
    value: (m) => (m.inTreatment ? (m.attendingAsPlanned ? 1 : 0) : null),
  },
];

/** A recorded month's indicator values. */
export const monthIndicators = (m: HealthIndicatorsEntity) =>
  HEALTH_INDICATORS.map(({ indicator, higherIsBetter, value }) => ({
    indicator,
    higherIsBetter,
    department: 'HEALTH',
    value: value(m),
  }));

/** A person's progression per indicator over the recorded months (indicators never valued are left out). */
export const healthProgression = (months: readonly HealthIndicatorsEntity[]) =>
  HEALTH_INDICATORS.map(({ indicator, higherIsBetter, value }) => ({
    ...progressionOf(
      indicator,
      higherIsBetter,
      months.map((m) => ({ month: m.month, value: value(m) })),
    ),
    department: 'HEALTH',
  })).filter((p) => p.baseline !== null);
