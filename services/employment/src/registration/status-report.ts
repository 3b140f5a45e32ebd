import { indicatorMovement, seriesOf } from '@helhed/server';
import { JOBCENTER_INDICATORS, monthIndicators } from './indicators';
import type { RegistrationConfirmationEntity } from './registration-confirmation.entity';

/** A participant as the jobcenter's section counts them: their role and every month the jobcenter confirmed. */
export interface SectionPerson {
  memberRole: string;
  months: readonly RegistrationConfirmationEntity[];
}

const valueOf = (c: RegistrationConfirmationEntity | undefined, indicator: string) =>
  c ? (monthIndicators(c).find((i) => i.indicator === indicator)?.value ?? null) : null;

/**
 * The jobcenter's section of a month, counted over a group of participants (a
 * project's, or one municipality's for the national view): adults (parents and
 * other adults) in work fully or partly, the hours of those in work (sum and how
 * many reported them, for an average), adults who started an education,
 * children holding a leisure job, participants in a company-based offer, and the
 * movement of the jobcenter's indicators up to the month.
 */
export function employmentSection(people: readonly SectionPerson[], month: string) {
  const rows = people.map((p) => ({ p, c: p.months.find((m) => m.month === month) }));
  const adults = rows.filter(({ p }) => p.memberRole !== 'CHILD');
  const inWork = adults.filter(({ c }) => (valueOf(c, 'IN_WORK') ?? 0) > 0);
  const hours = inWork.map(({ c }) => valueOf(c, 'HOURS_WORKED_PER_WEEK')).filter((h): h is number => h !== null);
  return {
    adultsInWorkFully: adults.filter(({ c }) => valueOf(c, 'IN_WORK') === 2).length,
    adultsInWorkPartly: adults.filter(({ c }) => valueOf(c, 'IN_WORK') === 1).length,
    hoursWorkedSum: hours.reduce((a, b) => a + b, 0),
    hoursReported: hours.length,
    adultsStartedEducation: adults.filter(
      ({ c }) => c && (c.corrections.startedEducationThisMonth ?? c.derived.startedEducationThisMonth),
    ).length,
    childrenWithLeisureJob: rows.filter(({ p, c }) => p.memberRole === 'CHILD' && valueOf(c, 'LEISURE_JOB_HELD') === 1)
      .length,
    inCompanyBasedOffer: rows.filter(({ c }) => valueOf(c, 'IN_COMPANY_BASED_OFFER') === 1).length,
    indicatorMovement: indicatorMovement(
      'JOBCENTER',
      JOBCENTER_INDICATORS,
      people.map((p) => seriesOf(p.months, JOBCENTER_INDICATORS, (c, indicator) => valueOf(c, indicator))),
      month,
    ),
  };
}
