import { UserInputError } from '@helhed/errors';
import { authorize } from '@helhed/identity';
import { namedCompany } from '../company/company.resolvers';
import type { EmploymentContext } from '../context';
import { today, todayInDenmark } from '../dates';
import { isUuid } from '../ids';
import { isKept, monthlyTotals, totals, attendancePercent } from './attendance';
import { isIsoWeek, mondayOf, monthOfWeek } from './iso-week';
import {
  COMPANY_BASED_KINDS,
  type AttendanceWeekEntity,
  type OfferParticipationEntity,
} from './offer-participation.entity';
import {
  normaliseId,
  validateAttendance,
  validateEnd,
  validateStart,
  type EndOfferParticipationInput,
  type RecordAttendanceInput,
  type StartOfferParticipationInput,
} from './offer-participation';

function authorizeRead(ctx: EmploymentContext, what: string): void {
  authorize(ctx.identity, { municipality: ctx.identity.municipality, category: 'EMPLOYMENT', operation: 'read', what });
}

function authorizeWrite(ctx: EmploymentContext, what: string): void {
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'EMPLOYMENT',
    operation: 'write',
    what,
  });
}

/** A participation of the caller's municipality; another municipality's does not exist for the caller. */
export async function visibleParticipation(
  ctx: EmploymentContext,
  id: string,
): Promise<OfferParticipationEntity | null> {
  authorizeRead(ctx, 'An offer participation');
  if (!isUuid(id)) return null;
  const participation = await ctx.loaders.offers.participation.load(id.toLowerCase());
  return participation && participation.municipalityCode === ctx.identity.municipality ? participation : null;
}

const weeksOf = (ctx: EmploymentContext, p: OfferParticipationEntity) =>
  ctx.loaders.offers.weeksOfParticipation.load(p.id);

/** Whether a participation is kept so far (today), by the configured gap. */
export const keptSoFar = (
  ctx: EmploymentContext,
  p: OfferParticipationEntity,
  weeks: AttendanceWeekEntity[],
  asOf = today(),
) =>
  isKept({
    plannedStartOn: p.plannedStartOn,
    plannedEndOn: p.plannedEndOn,
    asOf,
    weeks,
    maxGapWeeks: ctx.settings.offerKeptMaxGapWeeks,
  });

const checkWeekArg = (value: string | null | undefined, field: string) => {
  if (value == null) return null;
  const week = value.trim().toUpperCase();
  if (!isIsoWeek(week))
    throw new UserInputError(field, 'A week is written YYYY-Www (e.g. 2026-W05) and exists in that year');
  return mondayOf(week);
};

export const offerResolvers = {
  Query: {
    offerParticipation: (_: unknown, args: { id: string }, ctx: EmploymentContext) =>
      visibleParticipation(ctx, args.id),
  },

  Mutation: {
    startOfferParticipation: async (
      _: unknown,
      args: { input: StartOfferParticipationInput },
      ctx: EmploymentContext,
    ) => {
      const { input } = args;
      authorizeWrite(ctx, 'offer participations');
      const personId = normaliseId(input.personId);
      const activityId = normaliseId(input.planActivityId);
      const [persons, activities] = await Promise.all([
        ctx.directory.persons(isUuid(personId) ? [personId] : [], ctx),
        ctx.directory.activities(isUuid(activityId) ? [activityId] : [], ctx),
      ]);
      const valid = validateStart(input, { person: persons.get(personId), activity: activities.get(activityId) });
      // A company-based offer names a company the jobcenter has registered.
      if (valid.companyId) await namedCompany(ctx, valid.companyId, 'input.companyId');
      const participation = await ctx.stores.offers.start(valid, ctx.identity.municipality, ctx.identity.userId);
      ctx.logger.info({ participationId: participation.id }, 'offer participation started');
      return participation;
    },

    endOfferParticipation: async (_: unknown, args: { input: EndOfferParticipationInput }, ctx: EmploymentContext) => {
      authorizeWrite(ctx, 'offer participations');
      const today = todayInDenmark();
      return ctx.stores.offers.end(
        { participationId: args.input.participationId, municipalityCode: ctx.identity.municipality },
        ctx.identity.userId,
        (current, latestWeek) => validateEnd(args.input, current, latestWeek, today),
      );
    },

    recordAttendance: async (_: unknown, args: { input: RecordAttendanceInput }, ctx: EmploymentContext) => {
      authorizeWrite(ctx, 'attendance');
      const today = todayInDenmark();
      return ctx.stores.offers.recordWeek(
        { participationId: args.input.participationId, municipalityCode: ctx.identity.municipality },
        ctx.identity.userId,
        (participation) => validateAttendance(args.input, participation, today),
      );
    },
  },

  Person: {
    offerParticipations: (person: { id: string }, _: unknown, ctx: EmploymentContext) => {
      authorizeRead(ctx, "A person's offer participations");
      return isUuid(person.id) ? ctx.loaders.offers.participationsOfPerson.load(person.id.toLowerCase()) : [];
    },
  },

  PlanActivity: {
    /** Plan activities are owned by the family subgraph, which has already decided the caller may see them. */
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    offerParticipations: (activity: { id: string }, _: unknown, ctx: EmploymentContext) => {
      authorizeRead(ctx, "A plan activity's offers");
      return isUuid(activity.id) ? ctx.loaders.offers.participationsOfActivity.load(activity.id.toLowerCase()) : [];
    },
    attendance: async (activity: { id: string }, _: unknown, ctx: EmploymentContext) => {
      authorizeRead(ctx, "A plan activity's attendance");
      if (!isUuid(activity.id)) return null;
      const participations = await ctx.loaders.offers.participationsOfActivity.load(activity.id.toLowerCase());
      if (participations.length === 0) return null;
      const weeks = await Promise.all(participations.map((p) => weeksOf(ctx, p)));
      const kept = participations.map((p, i) => keptSoFar(ctx, p, weeks[i]!)).filter((k) => k !== null);
      return { ...totals(weeks.flat()), kept: kept.length === 0 ? null : kept.every(Boolean) };
    },
  },

  OfferParticipation: {
    __resolveReference: (ref: { id: string }, ctx: EmploymentContext) => visibleParticipation(ctx, ref.id),
    companyBased: (p: OfferParticipationEntity) => COMPANY_BASED_KINDS.includes(p.kind),
    person: (p: OfferParticipationEntity) => ({ id: p.personId }),
    planActivity: (p: OfferParticipationEntity) => ({ id: p.planActivityId }),
    attendance: async (
      p: OfferParticipationEntity,
      args: { from?: string | null; to?: string | null },
      ctx: EmploymentContext,
    ) => {
      const from = checkWeekArg(args.from, 'from');
      const to = checkWeekArg(args.to, 'to');
      const weeks = await weeksOf(ctx, p);
      return weeks.filter((w) => (from === null || w.weekStartsOn >= from) && (to === null || w.weekStartsOn <= to));
    },
    attendancePercent: async (p: OfferParticipationEntity, _: unknown, ctx: EmploymentContext) =>
      totals(await weeksOf(ctx, p)).attendancePercent,
    monthlyAttendance: async (p: OfferParticipationEntity, _: unknown, ctx: EmploymentContext) =>
      monthlyTotals(await weeksOf(ctx, p)),
    kept: async (p: OfferParticipationEntity, _: unknown, ctx: EmploymentContext) =>
      keptSoFar(ctx, p, await weeksOf(ctx, p)),
  },

  WeeklyAttendance: {
    month: (w: AttendanceWeekEntity) => monthOfWeek(w.isoWeek),
    attendancePercent: (w: AttendanceWeekEntity) => attendancePercent(w.plannedHours, w.attendedHours),
    participation: (w: AttendanceWeekEntity, _: unknown, ctx: EmploymentContext) =>
      visibleParticipation(ctx, w.participationId),
  },
};
