import { lastDayOfMonth, todayInDenmark } from '@helhed/calendar';
import { ForbiddenError } from '@helhed/errors';
import { progressionOf } from '@helhed/server';
import type { HealthContext } from '../context';
import { isUuid } from '../ids';
import { scoreWho5 } from './health-indicators';
import { HEALTH_INDICATORS } from './indicators';

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

/** The health parts of every participant, read per municipality (one statement per kind and municipality). */
async function nationalParts(ctx: HealthContext, r: NationalRef) {
  const groups = new Map<string, string[]>();
  for (const p of r.participants.filter((x) => isUuid(x.personId))) {
    groups.set(p.municipalityCode, [...(groups.get(p.municipalityCode) ?? []), p.personId]);
  }
  const end = lastDayOfMonth(r.month);
  const assessed = new Set<string>();
  const recorded = new Map<string, Date>();
  for (const [code, ids] of groups) {
    const [assessments, indicators] = await Promise.all([
      ctx.stores.healthAssessments.byPersonIds(code, ids),
      ctx.stores.healthIndicators.byPersonIds(code, ids),
    ]);
    for (const a of assessments) if (a.assessedOn <= end) assessed.add(a.personId);
    for (const m of indicators) if (m.month === r.month) recorded.set(m.personId, m.createdAt);
  }
  return r.participants.map((p) => {
    const at = recorded.get(p.personId);
    return {
      personId: p.personId,
      applies: assessed.has(p.personId),
      done: at !== undefined,
      onTime: at ? todayInDenmark(at) <= p.deadline : null,
    };
  });
}

/** The health coordinator's section of the monthly status report, counted over the participants the family subgraph gives. */
export const statusReportResolvers = {
  NationalRegistrationView: {
    __resolveReference: (ref: NationalRef) => ref,
    healthParts: (r: NationalRef, _: unknown, ctx: HealthContext) => {
      // National monitors see aggregates only: these parts go to the family subgraph, never to a client.
      if (!ctx.identity.roles.includes('NATIONAL_MONITOR'))
        throw new ForbiddenError('The national view is for national monitors');
      return nationalParts(ctx, r);
    },
  },
  MonthlyStatusReport: {
    __resolveReference: (ref: ReportRef) => ref,
    healthParts: async (r: ReportRef, _: unknown, ctx: HealthContext) => {
      requireReportReader(ctx);
      return (await load(ctx, r)).map((p) => ({
        personId: p.personId,
        applies: p.assessed,
        done: p.ofMonth !== undefined,
        onTime: p.ofMonth ? todayInDenmark(p.ofMonth.createdAt) <= p.deadline : null,
      }));
    },
    health: async (r: ReportRef, _: unknown, ctx: HealthContext) => {
      requireReportReader(ctx);
      const people = await load(ctx, r);
      return {
        withHealthAssessment: people.filter((p) => p.assessed).length,
        inTreatment: people.filter((p) => p.ofMonth?.inTreatment).length,
        attendingAsPlanned: people.filter((p) => p.ofMonth?.inTreatment && p.ofMonth.attendingAsPlanned).length,
        who5BelowFifty: people.filter((p) => p.ofMonth && scoreWho5(p.ofMonth.who5Items).belowFifty).length,
        indicatorMovement: HEALTH_INDICATORS.map(({ indicator, higherIsBetter, value }) => {
          const counts = { IMPROVING: 0, UNCHANGED: 0, WORSENING: 0 };
          for (const p of people) {
            const points = p.months.map((m) => ({ month: m.month, value: value(m) }));
            const { direction } = progressionOf(indicator, higherIsBetter, points);
            if (direction) counts[direction] += 1;
          }
          return {
            indicator,
            department: 'HEALTH',
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
