import { todayInDenmark } from '@helhed/calendar';
import { ForbiddenError } from '@helhed/errors';
import type { EmploymentContext } from '../context';
import { isUuid } from '../ids';
import { JOBCENTER_INDICATORS, monthIndicators } from './indicators';
import { confirmedMonths, JOBCENTER_PART_FROM_AGE } from './person-month.resolvers';
import type { RegistrationConfirmationEntity } from './registration-confirmation.entity';
import { progressionOf } from '@helhed/server';

interface Participant {
  personId: string;
  memberRole: string;
  ageAtEndOfMonth: number;
  deadline: string;
}
interface ReportRef {
  projectId: string;
  month: string;
  participants: Participant[];
}

/** Project leads and administrators (of any department) read the counts; no person is named. */
function requireReportReader(ctx: EmploymentContext) {
  const roles = ctx.identity.roles;
  if (!roles.includes('PROJECT_LEAD') && !roles.includes('ADMIN'))
    throw new ForbiddenError('Only project leads and administrators read status reports');
}

const known = (r: ReportRef) => r.participants.filter((p) => isUuid(p.personId));
const months = (ctx: EmploymentContext, r: ReportRef) =>
  Promise.all(known(r).map((p) => confirmedMonths(ctx).load(p.personId)));
const valueOf = (c: RegistrationConfirmationEntity | undefined, indicator: string) =>
  c ? (monthIndicators(c).find((i) => i.indicator === indicator)?.value ?? null) : null;

interface NationalRef {
  month: string;
  participants: Array<{ personId: string; municipalityCode: string; ageAtEndOfMonth: number; deadline: string }>;
}

/** Groups person ids by municipality: the confirmations are read one statement per municipality. */
function byMunicipality(participants: NationalRef['participants']) {
  const groups = new Map<string, string[]>();
  for (const p of participants.filter((x) => isUuid(x.personId))) {
    groups.set(p.municipalityCode, [...(groups.get(p.municipalityCode) ?? []), p.personId]);
  }
  return groups;
}

/** The jobcenter's section of the monthly status report, counted over the participants the family subgraph gives. */
export const statusReportResolvers = {
  NationalRegistrationView: {
    __resolveReference: (ref: NationalRef) => ref,
    jobcenterParts: async (r: NationalRef, _: unknown, ctx: EmploymentContext) => {
      // National monitors see aggregates only: these parts go to the family subgraph, never to a client.
      if (!ctx.identity.roles.includes('NATIONAL_MONITOR'))
        throw new ForbiddenError('The national view is for national monitors');
      const found = new Map<string, RegistrationConfirmationEntity>();
      for (const [code, ids] of byMunicipality(r.participants)) {
        for (const c of await ctx.stores.registrations.byPersonIds(code, ids)) {
          if (c.month === r.month) found.set(c.personId, c);
        }
      }
      return r.participants.map((p) => {
        const c = found.get(p.personId);
        return {
          personId: p.personId,
          applies: p.ageAtEndOfMonth >= JOBCENTER_PART_FROM_AGE,
          done: c !== undefined,
          onTime: c ? todayInDenmark(c.createdAt) <= p.deadline : null,
        };
      });
    },
  },
  MonthlyStatusReport: {
    __resolveReference: (ref: ReportRef) => ref,
    jobcenterParts: async (r: ReportRef, _: unknown, ctx: EmploymentContext) => {
      requireReportReader(ctx);
      const all = await months(ctx, r);
      return known(r).map((p, i) => {
        const c = all[i]!.find((m) => m.month === r.month);
        return {
          personId: p.personId,
          applies: p.ageAtEndOfMonth >= JOBCENTER_PART_FROM_AGE,
          done: c !== undefined,
          onTime: c ? todayInDenmark(c.createdAt) <= p.deadline : null,
        };
      });
    },
    employment: async (r: ReportRef, _: unknown, ctx: EmploymentContext) => {
      requireReportReader(ctx);
      const people = known(r);
      const all = await months(ctx, r);
      const ofMonth = all.map((list) => list.find((m) => m.month === r.month));
      const adults = people.map((p, i) => ({ p, c: ofMonth[i] })).filter(({ p }) => p.memberRole !== 'CHILD');
      const inWork = adults.filter(({ c }) => (valueOf(c, 'IN_WORK') ?? 0) > 0);
      const hours = inWork.map(({ c }) => valueOf(c, 'HOURS_WORKED_PER_WEEK')).filter((h): h is number => h !== null);
      return {
        adultsInWorkFully: adults.filter(({ c }) => valueOf(c, 'IN_WORK') === 2).length,
        adultsInWorkPartly: adults.filter(({ c }) => valueOf(c, 'IN_WORK') === 1).length,
        averageHoursWorked: hours.length
          ? Math.round((hours.reduce((a, b) => a + b, 0) / hours.length) * 10) / 10
          : null,
        adultsStartedEducation: adults.filter(
          ({ c }) => c && (c.corrections.startedEducationThisMonth ?? c.derived.startedEducationThisMonth),
        ).length,
        childrenWithLeisureJob: people.filter(
          (p, i) => p.memberRole === 'CHILD' && valueOf(ofMonth[i], 'LEISURE_JOB_HELD') === 1,
        ).length,
        inCompanyBasedOffer: ofMonth.filter((c) => valueOf(c, 'IN_COMPANY_BASED_OFFER') === 1).length,
        indicatorMovement: JOBCENTER_INDICATORS.map(({ indicator, higherIsBetter }) => {
          const counts = { IMPROVING: 0, UNCHANGED: 0, WORSENING: 0 };
          for (const list of all) {
            const points = list
              .filter((c) => c.month <= r.month)
              .map((c) => ({ month: c.month, value: valueOf(c, indicator) }));
            const { direction } = progressionOf(indicator, higherIsBetter, points);
            if (direction) counts[direction] += 1;
          }
          return {
            indicator,
            department: 'JOBCENTER',
            higherIsBetter,
            improving: counts.IMPROVING,
            unchanged: counts.UNCHANGED,
            worsening: counts.WORSENING,
          };
        }).filter((m) => m.improving + m.unchanged + m.worsening > 0),
      };
    },
  },
};
