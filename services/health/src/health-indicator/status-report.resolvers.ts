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

/** The health coordinator's section of the monthly status report, counted over the participants the family subgraph gives. */
export const statusReportResolvers = {
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
