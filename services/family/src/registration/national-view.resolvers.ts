import { lastDayOfMonth } from '@helhed/calendar';
import { ForbiddenError, UnauthenticatedError, UserInputError } from '@helhed/errors';
import { requirePlannedFetch } from '@helhed/server';
import type { FamilyContext } from '../context';
import { nationalAggregates } from './national-view';
import {
  ageAtEndOfMonth,
  DEFAULT_DEADLINE_BUSINESS_DAY,
  projectOfMonth,
  registrationDeadline,
} from './registration-deadline';
import { familySeries } from './progression';
import { familyParts as familyPartsOf, type ParticipantPart } from './status-report';

interface ViewRef {
  month: string;
  jobcenterParts?: ParticipantPart[];
  healthParts?: ParticipantPart[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** National monitors only: they see every municipality, as counts. */
function requireNationalMonitor(ctx: FamilyContext) {
  if (!ctx.identity) throw new UnauthenticatedError();
  if (!ctx.identity.roles.includes('NATIONAL_MONITOR'))
    throw new ForbiddenError('The national view is for national monitors');
}

/** The view's persons and their family parts, loaded once per request and month. */
const cache = new WeakMap<object, Map<string, ReturnType<typeof load>>>();
function participantsOf(ctx: FamilyContext, month: string) {
  let byMonth = cache.get(ctx);
  if (!byMonth) cache.set(ctx, (byMonth = new Map()));
  if (!byMonth.has(month)) byMonth.set(month, load(ctx, month));
  return byMonth.get(month)!;
}

async function load(ctx: FamilyContext, month: string) {
  const [families, projects] = await Promise.all([
    ctx.stores.registrations.activeFamiliesEverywhere(lastDayOfMonth(month)),
    ctx.stores.registrations.projectsWithSettings(null),
  ]);
  const members = await Promise.all(families.map((f) => ctx.loaders.membersOfFamily.load(f.id)));
  const deadlines = new Map<string, string>();
  const deadlineOf = (code: string) => {
    if (!deadlines.has(code)) {
      const project = projectOfMonth(
        projects.filter((p) => p.municipalityCode === code),
        month,
      );
      deadlines.set(code, registrationDeadline(month, project?.deadlineBusinessDay ?? DEFAULT_DEADLINE_BUSINESS_DAY));
    }
    return deadlines.get(code)!;
  };
  const persons = families.flatMap((f, i) =>
    members[i]!.map((p) => ({
      personId: p.id,
      familyId: f.id,
      municipalityCode: f.municipalityCode,
      memberRole: p.role,
      ageAtEndOfMonth: ageAtEndOfMonth(p.birthDate, month),
      deadline: deadlineOf(f.municipalityCode),
    })),
  );
  const rows = await Promise.all(persons.map((p) => ctx.loaders.familyRegistration.load(`${p.personId}|${month}`)));
  const familyParts = familyPartsOf(persons, rows);
  return { persons, familyParts };
}

/** The family subgraph's own figures of the view besides the persons: enrolments, milestones and risks, histories. */
async function view(ctx: FamilyContext, ref: ViewRef) {
  requireNationalMonitor(ctx);
  if (!MONTH.test(ref.month)) throw new UserInputError('month', 'A month is YYYY-MM');
  const first = `${ref.month}-01`;
  const last = lastDayOfMonth(ref.month);
  const { persons, familyParts } = await participantsOf(ctx, ref.month);
  const [enrolments, projectItems, histories] = await Promise.all([
    ctx.stores.registrations.enrolmentsEverywhere(first, last),
    ctx.stores.registrations.projectItemsEverywhere(first, last),
    Promise.all(persons.map((p) => ctx.loaders.registrationsOfPerson.load(p.personId))),
  ]);
  return nationalAggregates({
    month: ref.month,
    first,
    last,
    persons,
    parts: { family: familyParts, jobcenter: ref.jobcenterParts ?? [], health: ref.healthParts ?? [] },
    series: new Map(persons.map((p, i) => [p.personId, familySeries(histories[i]!)])),
    enrolments,
    projectItems,
  });
}

/** The aggregates of a request, computed once for `municipalities` and `total`. */
const views = new WeakMap<object, Map<string, ReturnType<typeof view>>>();
function viewOf(ctx: FamilyContext, ref: ViewRef) {
  let byMonth = views.get(ctx);
  if (!byMonth) views.set(ctx, (byMonth = new Map()));
  if (!byMonth.has(ref.month)) byMonth.set(ref.month, view(ctx, ref));
  return byMonth.get(ref.month)!;
}

export const nationalViewResolvers = {
  Query: {
    nationalRegistrationView: (_: unknown, args: { month: string }, ctx: FamilyContext) => {
      requireNationalMonitor(ctx);
      return { month: args.month };
    },
  },
  NationalRegistrationView: {
    __resolveReference: (ref: ViewRef, ctx: FamilyContext) => {
      requireNationalMonitor(ctx);
      return ref;
    },
    defaultDeadline: (ref: ViewRef) => registrationDeadline(ref.month),
    // The persons behind the aggregates, for the jobcenter's and the health coordinator's parts:
    // only to a fetch the gateway planned, never to the national monitor who sees aggregates only.
    participants: async (ref: ViewRef, _: unknown, ctx: FamilyContext) => {
      requireNationalMonitor(ctx);
      requirePlannedFetch(ctx, "The national view's participants");
      return (await participantsOf(ctx, ref.month)).persons;
    },
    municipalities: async (ref: ViewRef, _: unknown, ctx: FamilyContext) => (await viewOf(ctx, ref)).municipalities,
    total: async (ref: ViewRef, _: unknown, ctx: FamilyContext) => (await viewOf(ctx, ref)).total,
  },
  RegistrationAggregate: {
    municipality: (a: { municipalityCode: string | null }, _: unknown, ctx: FamilyContext) =>
      a.municipalityCode ? ctx.loaders.municipality.load(a.municipalityCode) : null,
  },
};
