import { lastDayOfMonth } from '@helhed/calendar';
import { ForbiddenError } from '@helhed/errors';
import { authorize } from '@helhed/identity';
import type { FamilyContext } from '../context';
import { isUuid } from '../ids';
import { mayManageProjects } from '../project/project';
import { FAMILY_INDICATORS, familySeries } from './progression';
import {
  ageAtEndOfMonth,
  DEFAULT_DEADLINE_BUSINESS_DAY,
  projectOfMonth,
  registrationDeadline,
} from './registration-deadline';
import {
  completeness,
  enrolmentCounts,
  familyParts,
  indicatorMovement,
  milestonesDue,
  risksOpen,
  type ParticipantPart,
} from './status-report';

interface ReportRef {
  projectId: string;
  month: string;
  jobcenterParts?: ParticipantPart[];
  healthParts?: ParticipantPart[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Project leads and administrators of the project's municipality read its report. */
function requireReportReader(ctx: FamilyContext) {
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'BASIC',
    operation: 'read',
    what: 'Status reports',
  });
  if (!mayManageProjects(ctx.identity.roles))
    throw new ForbiddenError('Only project leads and administrators read status reports');
}

async function reportOf(ctx: FamilyContext, ref: ReportRef) {
  requireReportReader(ctx);
  if (!isUuid(ref.projectId) || !MONTH.test(ref.month)) return null;
  const project = await ctx.loaders.project.load(ref.projectId);
  return project && project.municipalityCode === ctx.identity.municipality ? { ...ref, project } : null;
}

type Report = NonNullable<Awaited<ReturnType<typeof reportOf>>>;

/** The report's families and their current members, loaded once per request and report. */
const participantsCache = new WeakMap<object, Map<string, ReturnType<typeof loadParticipants>>>();
function participantsOf(ctx: FamilyContext, r: Report) {
  let cache = participantsCache.get(ctx);
  if (!cache) participantsCache.set(ctx, (cache = new Map()));
  const key = `${r.projectId}|${r.month}`;
  if (!cache.has(key)) cache.set(key, loadParticipants(ctx, r));
  return cache.get(key)!;
}

async function loadParticipants(ctx: FamilyContext, r: Report) {
  const first = `${r.month}-01`;
  const last = lastDayOfMonth(r.month);
  const enrolments = await ctx.stores.registrations.enrolmentsInMonth(r.projectId, first, last);
  const familyIds = [...new Set(enrolments.map((e) => e.familyId))];
  const members = (await Promise.all(familyIds.map((id) => ctx.loaders.membersOfFamily.load(id)))).flat();
  const setting = projectOfMonth(await ctx.loaders.projectsWithSettings.load(r.project.municipalityCode), r.month);
  const deadline = registrationDeadline(r.month, setting?.deadlineBusinessDay ?? DEFAULT_DEADLINE_BUSINESS_DAY);
  return { enrolments, members, deadline, first, last };
}

export const statusReportResolvers = {
  Query: {
    monthlyStatusReport: (_: unknown, args: { projectId: string; month: string }, ctx: FamilyContext) =>
      reportOf(ctx, args),
  },
  MonthlyStatusReport: {
    __resolveReference: (ref: ReportRef, ctx: FamilyContext) => reportOf(ctx, ref),
    project: (r: Report) => r.project,
    deadline: async (r: Report, _: unknown, ctx: FamilyContext) => (await participantsOf(ctx, r)).deadline,
    enrolment: async (r: Report, _: unknown, ctx: FamilyContext) => {
      const { enrolments, first, last } = await participantsOf(ctx, r);
      return { ...enrolmentCounts(enrolments, first, last), target: r.project.targetFamilyCount };
    },
    participants: async (r: Report, _: unknown, ctx: FamilyContext) => {
      const { members, deadline } = await participantsOf(ctx, r);
      return members.map((p) => ({
        personId: p.id,
        memberRole: p.role,
        ageAtEndOfMonth: ageAtEndOfMonth(p.birthDate, r.month),
        deadline,
      }));
    },
    registration: async (r: Report, _: unknown, ctx: FamilyContext) => {
      const { members, deadline } = await participantsOf(ctx, r);
      const rows = await Promise.all(members.map((p) => ctx.loaders.familyRegistration.load(`${p.id}|${r.month}`)));
      const parts = familyParts(
        members.map((p) => ({ personId: p.id, deadline })),
        rows,
      );
      return completeness(parts, r.jobcenterParts ?? [], r.healthParts ?? []);
    },
    indicatorMovement: async (r: Report, _: unknown, ctx: FamilyContext) => {
      const { members } = await participantsOf(ctx, r);
      const rows = await Promise.all(members.map((p) => ctx.loaders.registrationsOfPerson.load(p.id)));
      return indicatorMovement('FAMILY', FAMILY_INDICATORS, rows.map(familySeries), r.month);
    },
    milestonesDue: async (r: Report, _: unknown, ctx: FamilyContext) =>
      milestonesDue(await ctx.loaders.milestonesOfProject.load(r.projectId), lastDayOfMonth(r.month)),
    risksOpen: async (r: Report, _: unknown, ctx: FamilyContext) =>
      risksOpen(await ctx.loaders.risksOfProject.load(r.projectId)),
  },
};
