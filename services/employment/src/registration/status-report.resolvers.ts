import { todayInDenmark } from '@helhed/calendar';
import { ForbiddenError } from '@helhed/errors';
import type { EmploymentContext } from '../context';
import { isUuid } from '../ids';
import { byMunicipalityCode, protectedAverage, protectSection, requirePlannedFetch } from '@helhed/server';
import { confirmedMonths, JOBCENTER_PART_FROM_AGE } from './person-month.resolvers';
import type { RegistrationConfirmationEntity } from './registration-confirmation.entity';
import { employmentSection } from './status-report';

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
interface NationalRef {
  month: string;
  participants: Array<{
    personId: string;
    municipalityCode: string;
    ageAtEndOfMonth: number;
    deadline: string;
    memberRole?: string;
  }>;
}

/** The counts of the jobcenter's national section (`hoursReported` is the averages' group; it is not shown). */
const NATIONAL_MEASURES = [
  'adultsInWorkFully',
  'adultsInWorkPartly',
  'hoursReported',
  'adultsStartedEducation',
  'childrenWithLeisureJob',
  'inCompanyBasedOffer',
] as const;

/**
 * Every confirmed month of the national view's participants, read once per
 * request: one statement per municipality (not per family, member or month).
 * National monitors only: what is read here leaves the subgraph as counts.
 */
const nationalCache = new WeakMap<object, Map<string, Promise<Map<string, RegistrationConfirmationEntity[]>>>>();
function nationalMonths(ctx: EmploymentContext, r: NationalRef) {
  if (!ctx.identity.roles.includes('NATIONAL_MONITOR'))
    throw new ForbiddenError('The national view is for national monitors');
  let byMonth = nationalCache.get(ctx);
  if (!byMonth) nationalCache.set(ctx, (byMonth = new Map()));
  if (!byMonth.has(r.month))
    byMonth.set(
      r.month,
      (async () => {
        const found = new Map<string, RegistrationConfirmationEntity[]>();
        for (const [code, people] of byMunicipalityCode(r.participants.filter((x) => isUuid(x.personId)))) {
          const ids = people.map((p) => p.personId);
          for (const c of await ctx.stores.registrations.byPersonIds(code, ids))
            found.set(c.personId, [...(found.get(c.personId) ?? []), c]);
        }
        return found;
      })(),
    );
  return byMonth.get(r.month)!;
}

/**
 * The jobcenter's section of the monthly status report, counted over the
 * participants the family subgraph gives. Every field here counts or lists the
 * persons of a representation, so it answers only a fetch the gateway planned
 * (whose participants the family subgraph chose): a caller who put person ids
 * in a representation straight to this subgraph would learn of those persons.
 */
export const statusReportResolvers = {
  NationalRegistrationView: {
    __resolveReference: (ref: NationalRef) => ref,
    jobcenterParts: async (r: NationalRef, _: unknown, ctx: EmploymentContext) => {
      requirePlannedFetch(ctx, "The jobcenter's parts of the national view");
      const found = await nationalMonths(ctx, r);
      return r.participants.map((p) => {
        const c = (found.get(p.personId) ?? []).find((m) => m.month === r.month);
        return {
          personId: p.personId,
          applies: p.ageAtEndOfMonth >= JOBCENTER_PART_FROM_AGE,
          done: c !== undefined,
          onTime: c ? todayInDenmark(c.createdAt) <= p.deadline : null,
        };
      });
    },
    employment: async (r: NationalRef, _: unknown, ctx: EmploymentContext) => {
      requirePlannedFetch(ctx, "The jobcenter's national figures over the participants given");
      const found = await nationalMonths(ctx, r);
      const groups = [...byMunicipalityCode(r.participants.filter((p) => isUuid(p.personId)))].map(([code, people]) => {
        const { indicatorMovement: movement, ...counts } = employmentSection(
          people.map((p) => ({ memberRole: p.memberRole ?? 'OTHER_ADULT', months: found.get(p.personId) ?? [] })),
          r.month,
        );
        return { municipalityCode: code, counts, movement };
      });
      const table = protectSection(NATIONAL_MEASURES, groups);
      const toAggregate = (row: (typeof table)['total']) => ({
        municipality: row.municipalityCode ? { code: row.municipalityCode } : null,
        adultsInWorkFully: row.counts.adultsInWorkFully,
        adultsInWorkPartly: row.counts.adultsInWorkPartly,
        averageHoursWorked: protectedAverage(
          groups
            .filter((g) => row.municipalityCode === null || g.municipalityCode === row.municipalityCode)
            .reduce((sum, g) => sum + g.counts.hoursWorkedSum, 0),
          row.counts.hoursReported,
        ),
        adultsStartedEducation: row.counts.adultsStartedEducation,
        childrenWithLeisureJob: row.counts.childrenWithLeisureJob,
        inCompanyBasedOffer: row.counts.inCompanyBasedOffer,
        indicatorMovement: row.indicatorMovement,
      });
      return { municipalities: table.municipalities.map(toAggregate), total: toAggregate(table.total) };
    },
  },
  MonthlyStatusReport: {
    __resolveReference: (ref: ReportRef) => ref,
    jobcenterParts: async (r: ReportRef, _: unknown, ctx: EmploymentContext) => {
      requireReportReader(ctx);
      requirePlannedFetch(ctx, "The jobcenter's parts of the status report");
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
      requirePlannedFetch(ctx, "The jobcenter's report counts over the participants given");
      const people = known(r);
      const all = await months(ctx, r);
      const { hoursWorkedSum, hoursReported, ...section } = employmentSection(
        people.map((p, i) => ({ memberRole: p.memberRole, months: all[i]! })),
        r.month,
      );
      return {
        ...section,
        averageHoursWorked: hoursReported ? Math.round((hoursWorkedSum / hoursReported) * 10) / 10 : null,
      };
    },
  },
};
