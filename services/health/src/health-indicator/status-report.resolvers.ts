import { lastDayOfMonth, todayInDenmark } from '@helhed/calendar';
import { ForbiddenError } from '@helhed/errors';
import { byMunicipalityCode, protectSection, requirePlannedFetch } from '@helhed/server';
import type { HealthContext } from '../context';
import { isUuid } from '../ids';
import type { HealthIndicatorsEntity } from './health-indicators.entity';
import { healthSection } from './status-report';

interface ReportRef {
  projectId: string;
  month: string;
  participants: Array<{ personId: string; deadline: string }>;
}

/**
 * Project leads and administrators (of any department) and the health
 * department read the section: counts only, so no person's health data leaves.
 */
function requireReportReader(ctx: HealthContext) {
  const { roles, department } = ctx.identity;
  if (!roles.includes('PROJECT_LEAD') && !roles.includes('ADMIN') && department !== 'HEALTH')
    throw new ForbiddenError('Only project leads and administrators read status reports');
}

async function load(ctx: HealthContext, r: ReportRef) {
  const people = r.participants.filter((p) => isUuid(p.personId));
  const [assessments, indicators] = await Promise.all([
    Promise.all(people.map((p) => ctx.loaders.healthAssessmentsOfPerson.load(p.personId))),
    Promise.all(people.map((p) => ctx.loaders.healthIndicatorsOfPerson.load(p.personId))),
  ]);
  const end = lastDayOfMonth(r.month);
  return people.map((p, i) => ({
    ...p,
    assessed: assessments[i]!.some((a) => a.assessedOn <= end),
    months: indicators[i]!.filter((m) => m.month <= r.month),
    ofMonth: indicators[i]!.find((m) => m.month === r.month),
  }));
}

interface NationalRef {
  month: string;
  participants: Array<{ personId: string; municipalityCode: string; deadline: string }>;
}

/**
 * The national view's participants with their assessments and recorded months,
 * read once per request: one statement per kind and municipality (not per
 * family, member or month). National monitors only: it leaves as counts.
 */
const nationalCache = new WeakMap<object, Map<string, ReturnType<typeof loadNational>>>();
function nationalPeople(ctx: HealthContext, r: NationalRef) {
  // National monitors see aggregates only: what is read here goes to the family subgraph or out as counts.
  if (!ctx.identity.roles.includes('NATIONAL_MONITOR'))
    throw new ForbiddenError('The national view is for national monitors');
  let byMonth = nationalCache.get(ctx);
  if (!byMonth) nationalCache.set(ctx, (byMonth = new Map()));
  if (!byMonth.has(r.month)) byMonth.set(r.month, loadNational(ctx, r));
  return byMonth.get(r.month)!;
}

async function loadNational(ctx: HealthContext, r: NationalRef) {
  const end = lastDayOfMonth(r.month);
  const assessed = new Set<string>();
  const months = new Map<string, HealthIndicatorsEntity[]>();
  for (const [code, people] of byMunicipalityCode(r.participants.filter((x) => isUuid(x.personId)))) {
    const ids = people.map((p) => p.personId);
    const [assessments, indicators] = await Promise.all([
      ctx.stores.healthAssessments.byPersonIds(code, ids),
      ctx.stores.healthIndicators.byPersonIds(code, ids),
    ]);
    for (const a of assessments) if (a.assessedOn <= end) assessed.add(a.personId);
    for (const m of indicators) if (m.month <= r.month) months.set(m.personId, [...(months.get(m.personId) ?? []), m]);
  }
  return r.participants.map((p) => ({
    ...p,
    assessed: assessed.has(p.personId),
    months: months.get(p.personId) ?? [],
  }));
}

const NATIONAL_MEASURES = ['withHealthAssessment', 'inTreatment', 'attendingAsPlanned', 'who5BelowFifty'] as const;

/**
 * The health coordinator's section of the monthly status report, counted over
 * the participants the family subgraph gives. Every field here counts or lists
 * the persons of a representation, so it answers only a fetch the gateway
 * planned (whose participants the family subgraph chose): a caller who put
 * person ids in a representation straight to this subgraph would learn of them.
 */
export const statusReportResolvers = {
  NationalRegistrationView: {
    __resolveReference: (ref: NationalRef) => ref,
    healthParts: async (r: NationalRef, _: unknown, ctx: HealthContext) => {
      requirePlannedFetch(ctx, 'The health parts of the national view');
      return (await nationalPeople(ctx, r)).map((p) => {
        const at = p.months.find((m) => m.month === r.month)?.createdAt;
        return {
          personId: p.personId,
          applies: p.assessed,
          done: at !== undefined,
          onTime: at ? todayInDenmark(at) <= p.deadline : null,
        };
      });
    },
    health: async (r: NationalRef, _: unknown, ctx: HealthContext) => {
      requirePlannedFetch(ctx, 'The national health figures over the participants given');
      const people = await nationalPeople(ctx, r);
      const groups = [...byMunicipalityCode(people)].map(([code, group]) => {
        const { indicatorMovement: movement, ...counts } = healthSection(group, r.month);
        return { municipalityCode: code, counts, movement };
      });
      const table = protectSection(NATIONAL_MEASURES, groups);
      const toAggregate = (row: (typeof table)['total']) => ({
        municipality: row.municipalityCode ? { code: row.municipalityCode } : null,
        ...row.counts,
        indicatorMovement: row.indicatorMovement,
      });
      return { municipalities: table.municipalities.map(toAggregate), total: toAggregate(table.total) };
    },
  },
  MonthlyStatusReport: {
    __resolveReference: (ref: ReportRef) => ref,
    healthParts: async (r: ReportRef, _: unknown, ctx: HealthContext) => {
      requireReportReader(ctx);
      requirePlannedFetch(ctx, 'The health parts of the status report');
      return (await load(ctx, r)).map((p) => ({
        personId: p.personId,
        applies: p.assessed,
        done: p.ofMonth !== undefined,
        onTime: p.ofMonth ? todayInDenmark(p.ofMonth.createdAt) <= p.deadline : null,
      }));
    },
    health: async (r: ReportRef, _: unknown, ctx: HealthContext) => {
      requireReportReader(ctx);
      requirePlannedFetch(ctx, 'The health report counts over the participants given');
      return healthSection(await load(ctx, r), r.month);
    },
  },
};
