import { ForbiddenError, UserInputError, InputProblems } from '@helhed/errors';
import type { BaseContext } from '@helhed/server';
import type { DigestStore, StoredDigest } from '../digest/digest-store';
import type { ReminderRunReport, ReminderRuns } from '../operator/reminder-runs';
import type { ReminderPreference } from '../rules/rules';

export interface NotificationsContext extends BaseContext {
  stores: { digests: DigestStore };
  /** The operator's runs of a day's reminders (the provider `npm run reminders` calls too). */
  reminderRuns: () => ReminderRuns;
}

interface PreferencesInput {
  caseworkerId?: string | null;
  language: 'DA' | 'EN';
  absentFrom?: string | null;
  absentTo?: string | null;
  substituteId?: string | null;
}

/** A caseworker's reminders are theirs; project leads and administrators of the municipality may look too. */
function mayRead(ctx: NotificationsContext, caseworkerId: string): void {
  const { userId, roles } = ctx.identity;
  if (userId === caseworkerId || roles.includes('ADMIN') || roles.includes('PROJECT_LEAD')) return;
  throw new ForbiddenError("A caseworker's reminders are visible to the caseworker, project leads and administrators");
}

export function validatePreferences(input: PreferencesInput, caseworkerId: string): ReminderPreference {
  const problems = new InputProblems();
  const absentFrom = input.absentFrom ?? null;
  const absentTo = input.absentTo ?? null;
  const substituteId = input.substituteId ?? null;
  if (absentTo && !absentFrom) problems.add('input.absentTo', 'An absence needs its first day (absentFrom)');
  if (absentFrom && absentTo && absentTo < absentFrom)
    problems.add('input.absentTo', 'The absence ends before it starts');
  if (substituteId && !absentFrom) problems.add('input.substituteId', 'A substitute is named for an absence');
  if (substituteId === caseworkerId) problems.add('input.substituteId', 'A caseworker is not their own substitute');
  problems.throwIfAny();
  return { caseworkerId, language: input.language === 'EN' ? 'en' : 'da', absentFrom, absentTo, substituteId };
}

const toGraph = (p: ReminderPreference) => ({
  language: p.language.toUpperCase(),
  absentFrom: p.absentFrom,
  absentTo: p.absentTo,
  substitute: p.substituteId ? { id: p.substituteId } : null,
});

const digestToGraph = (d: StoredDigest) => ({
  id: d.deliveryKey,
  caseworker: { id: d.caseworkerId },
  day: d.day,
  recipient: d.recipient,
  subject: d.subject,
  language: d.language.toUpperCase(),
  items: d.items,
  status: d.status,
  attempts: d.attempts,
  lastError: d.lastError,
  createdAt: d.createdAt,
  sentAt: d.sentAt,
});

const runToGraph = (r: ReminderRunReport) => ({
  day: r.day,
  municipalityCode: r.municipality,
  dryRun: r.dryRun,
  businessDay: r.businessDay,
  recipients: r.recipients.map((p) => ({
    caseworker: { id: p.caseworkerId },
    items: p.items,
    caseReferences: p.caseReferences,
    status: p.status,
  })),
  written: r.written,
  sent: r.sent,
  alreadySent: r.alreadySent,
  unsent: r.unsent,
});

/** Running a day's reminders by hand is for an administrator, of their own municipality only. */
function mayRunReminders(ctx: NotificationsContext, municipality: string): void {
  if (!ctx.identity.roles.includes('ADMIN'))
    throw new ForbiddenError("A day's reminders are run by hand by administrators only");
  if (/^\d{3}$/.test(municipality) && municipality !== ctx.identity.municipality)
    throw new ForbiddenError("An administrator runs only their own municipality's reminders");
}

export const notificationsResolvers = {
  Query: {
    failedDigests: async (_: unknown, __: unknown, ctx: NotificationsContext) => {
      if (!ctx.identity.roles.includes('ADMIN')) throw new ForbiddenError('Failed digests are for administrators');
      return (await ctx.stores.digests.failed(ctx.identity.municipality)).map(digestToGraph);
    },
  },
  Mutation: {
    setReminderPreferences: async (_: unknown, args: { input: PreferencesInput }, ctx: NotificationsContext) => {
      const caseworkerId = args.input.caseworkerId ?? ctx.identity.userId;
      if (caseworkerId !== ctx.identity.userId && !ctx.identity.roles.includes('ADMIN'))
        throw new ForbiddenError("Only administrators set another caseworker's reminder preferences");
      if (!/^[0-9a-f-]{36}$/i.test(caseworkerId)) throw new UserInputError('input.caseworkerId', 'Not a caseworker id');
      const preference = validatePreferences(args.input, caseworkerId);
      await ctx.stores.digests.setPreference(ctx.identity.municipality, preference);
      return toGraph(preference);
    },
    runReminders: async (
      _: unknown,
      args: { day: string; municipalityCode?: string | null; dryRun?: boolean | null },
      ctx: NotificationsContext,
    ) => {
      const municipality = args.municipalityCode ?? ctx.identity.municipality;
      mayRunReminders(ctx, municipality);
      const report = await ctx.reminderRuns().run({ day: args.day, municipality, dryRun: args.dryRun ?? true });
      ctx.logger.info(
        { by: ctx.identity.userId, day: report.day, municipality, dryRun: report.dryRun, sent: report.sent },
        "an administrator ran a day's reminders",
      );
      return runToGraph(report);
    },
  },
  Caseworker: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    reminderPreferences: async (cw: { id: string }, _: unknown, ctx: NotificationsContext) => {
      mayRead(ctx, cw.id);
      const preference = (await ctx.stores.digests.preferences(ctx.identity.municipality)).get(cw.id);
      return toGraph(
        preference ?? { caseworkerId: cw.id, language: 'da', absentFrom: null, absentTo: null, substituteId: null },
      );
    },
    reminders: async (cw: { id: string }, args: { first?: number | null }, ctx: NotificationsContext) => {
      mayRead(ctx, cw.id);
      const first = args.first ?? 30;
      if (first < 1 || first > 200) throw new UserInputError('first', 'Between 1 and 200 digests');
      const digests = await ctx.stores.digests.history(cw.id, first);
      return digests.filter((d) => d.municipalityCode === ctx.identity.municipality).map(digestToGraph);
    },
  },
};
