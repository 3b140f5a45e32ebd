import { indicatorMovement, seriesOf } from '@helhed/server';
import { scoreWho5 } from './health-indicators';
import type { HealthIndicatorsEntity } from './health-indicators.entity';
import { HEALTH_INDICATORS } from './indicators';

/** A participant as the health section counts them: assessed by the month's end, and their recorded months up to it. */
export interface SectionPerson {
  assessed: boolean;
  months: readonly HealthIndicatorsEntity[];
}

/**
 * The health coordinator's section of a month over a group of participants (a
 * project's, or one municipality's for the national view): counts only —
 * assessed, in treatment, attending as planned, WHO-5 below 50 — and the
 * movement of the health indicators up to the month.
 */
export function healthSection(people: readonly SectionPerson[], month: string) {
  const ofMonth = people.map((p) => p.months.find((m) => m.month === month));
  return {
    withHealthAssessment: people.filter((p) => p.assessed).length,
    inTreatment: ofMonth.filter((m) => m?.inTreatment).length,
    attendingAsPlanned: ofMonth.filter((m) => m?.inTreatment && m.attendingAsPlanned).length,
    who5BelowFifty: ofMonth.filter((m) => m && scoreWho5(m.who5Items).belowFifty).length,
    indicatorMovement: indicatorMovement(
      'HEALTH',
      HEALTH_INDICATORS,
      people.map((p) =>
        seriesOf(p.months, HEALTH_INDICATORS, (m, indicator) =>
          HEALTH_INDICATORS.find((i) => i.indicator === indicator)!.value(m),
        ),
      ),
      month,
    ),
  };
}
