import { lastDayOfMonth } from '@helhed/calendar';
import { toConnection, type PageArgs } from '@helhed/db';
import { ForbiddenError, InputProblems, UnauthenticatedError, UserInputError } from '@helhed/errors';
import { authorize, type Department, type Identity } from '@helhed/identity';
import type { FamilyContext } from '../context';
import { visibleFamily } from '../family/family.resolvers';
import type { FamilyEntity } from '../family/family.entity';
import { isUuid } from '../ids';
import type { PersonEntity } from '../person/person.entity';
import { requireProjectManager, visibleProject } from '../project/access';
import type { ProjectEntity } from '../project/project.entity';
import { isCurrentEnrolment } from '../project/enrolment';
import { contactAssignmentOn, notEndedOn } from '../team/team';
import {
  carriedOver,
  checkMonth,
  ICS_DIMENSIONS,
  planFamilyPart,
  scalesOf,
  VUM_THEMES,
  type FamilyPartInput,
} from './family-registration';
import { missingParts, type PartState } from './person-month';
import { familyProgression, monthIndicators, monthsBetween } from './progression';
import {
  ageAtEndOfMonth,
  DEFAULT_DEADLINE_BUSINESS_DAY,
  onTime,
  projectOfMonth,
  registrationDeadline,
} from './registration-deadline';
import type { FamilyRegistrationEntity, SdqNormBandEntity } from './registration.entity';
import { bandOf, SDQ_SCALES } from './sdq';
import { validateNormSet, type NormSetInput } from './sdq-norm-set';

/** A person's month as the family subgraph resolves it; the other parts arrive as representations. */
interface PersonMonth {
  personId: string;
  month: string;
  person: PersonEntity;
  family: FamilyEntity;
  jobcenterPart?: PartState;
  healthPart?: PartState;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Who may see the state of registrations (not their values): anyone of the
 * municipality but national monitors, including the reminder worker (SERVICE).
 * The values themselves pass `authorize()` as category SOCIAL.
 */
function requireRegistrationStatusReader(identity: Identity | undefined): Identity {
  if (!identity) throw new UnauthenticatedError();
  if (identity.roles.every((r) => r === 'NATIONAL_MONITOR'))
    throw new ForbiddenError('National monitors see aggregates only, not registrations of persons');
  return identity;
}

const seesAllFamilies = (identity: Identity) =>
  identity.roles.some((r) => r === 'SERVICE' || r === 'PROJECT_LEAD' || r === 'ADMIN');

/** The deadline of a month in the caller's municipality (the project running in the month decides). */
async function deadlineOf(ctx: FamilyContext, municipalityCode: string, month: string): Promise<string> {
  const project = projectOfMonth(await ctx.loaders.projectsWithSettings.load(municipalityCode), month);
  return registrationDeadline(month, project?.deadlineBusinessDay ?? DEFAULT_DEADLINE_BUSINESS_DAY);
}

const monthsOfMembers = (family: FamilyEntity, members: readonly PersonEntity[], month: string): PersonMonth[] =>
  members.map((person) => ({ personId: person.id, month, person, family }));

/** The family's team member of a department today: the first who joined. */
async function responsibleOf(ctx: FamilyContext, familyId: string, department: Department) {
  const team = await ctx.loaders.teamOfFamily.load(familyId);
  const member = team
    .filter((m) => m.department === department && m.from <= ctx.today && notEndedOn(m, ctx.today))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))[0];
  return member ? ctx.loaders.caseworker.load(member.caseworkerId) : null;
}

async function familyPart(pm: PersonMonth, ctx: FamilyContext) {
  const row = await ctx.loaders.familyRegistration.load(`${pm.personId}|${pm.month}`);
  const deadline = await deadlineOf(ctx, pm.family.municipalityCode, pm.month);
  return {
    department: 'FAMILY',
    applies: true,
    done: row !== null,
    registeredAt: row?.registeredAt ?? null,
    onTime: row ? onTime(row.registeredAt, deadline) : null,
  };
}

/** Loads a person's month for a key; another municipality's person does not exist for the caller. */
async function personMonth(ctx: FamilyContext, ref: { personId: string; month: string }): Promise<PersonMonth | null> {
  const identity = requireRegistrationStatusReader(ctx.identity);
  if (!isUuid(ref.personId) || !MONTH.test(ref.month)) return null;
  const person = await ctx.loaders.person.load(ref.personId);
  if (!person || person.municipalityCode !== identity.municipality) return null;
  const family = await ctx.loaders.family.load(person.familyId);
  return family ? { ...ref, person, family } : null;
}

function readValues(ctx: FamilyContext, municipality: string) {
  // The reminder worker reads the state of registrations, never their values.
  if (ctx.identity?.roles.includes('SERVICE'))
    throw new ForbiddenError('The values of registrations are not shown to service identities');
  authorize(ctx.identity, { municipality, category: 'SOCIAL', operation: 'read', what: 'Monthly registrations' });
}

/** The family a registration changes, checked before anything is read for it. */
async function familyToRegister(ctx: FamilyContext, familyId: string) {
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'SOCIAL',
    operation: 'write',
    what: 'monthly registrations',
  });
  const family = await visibleFamily(ctx, familyId);
  if (!family) throw new UserInputError('input.familyId', 'There is no family with this id in your municipality');
  return family;
}

/** The person's latest registration before a month: what an unchanged month is prefilled from. */
async function previousOf(ctx: FamilyContext, personId: string, month: string) {
  const rows = await ctx.loaders.registrationsOfPerson.load(personId);
  return rows.filter((r) => r.month < month).at(-1) ?? null;
}

/** What a registration starts from: the month itself when it is corrected, otherwise the previous month. */
async function prefillOf(ctx: FamilyContext, personId: string, month: string) {
  const rows = await ctx.loaders.registrationsOfPerson.load(personId);
  return rows.filter((r) => r.month <= month).at(-1) ?? null;
}

function afterWrite(ctx: FamilyContext, rows: readonly FamilyRegistrationEntity[]) {
  for (const row of rows) {
    ctx.loaders.familyRegistration.clear(`${row.personId}|${row.month}`).prime(`${row.personId}|${row.month}`, row);
    ctx.loaders.registrationsOfPerson.clear(row.personId);
  }
}

/** The norm sets a municipality may use, with their bands in order. */
function normSetsOf(bands: readonly SdqNormBandEntity[]) {
  const sets = new Map<string, { name: string; source: string; ownedByMunicipality: boolean; bands: unknown[] }>();
  for (const b of bands) {
    let set = sets.get(b.normSet);
    if (!set) {
      set = { name: b.normSet, source: b.source, ownedByMunicipality: b.municipalityCode !== null, bands: [] };
      sets.set(b.normSet, set);
    }
    set.bands.push({
      informant: b.informant,
      scale: b.scale,
      threeBand: b.banding === 'THREE_BAND' ? b.band : null,
      fourBand: b.banding === 'FOUR_BAND' ? b.band : null,
      minScore: b.minScore,
      maxScore: b.maxScore,
    });
  }
  return [...sets.values()];
}

export const registrationResolvers = {
  Query: {
    sdqNormSets: async (_: unknown, __: unknown, ctx: FamilyContext) => {
      const identity = requireRegistrationStatusReader(ctx.identity);
      return normSetsOf(await ctx.loaders.sdqNormBands.load(identity.municipality));
    },

    registrationDeadline: (_: unknown, args: { month: string }, ctx: FamilyContext) => {
      const identity = requireRegistrationStatusReader(ctx.identity);
      return deadlineOf(ctx, identity.municipality, args.month);
    },

    registrationMonths: async (_: unknown, args: { month: string }, ctx: FamilyContext) => {
      const identity = requireRegistrationStatusReader(ctx.identity);
      let families = await ctx.stores.registrations.activeFamilies(identity.municipality, lastDayOfMonth(args.month));
      if (!seesAllFamilies(identity)) {
        const teams = await Promise.all(families.map((f) => ctx.loaders.teamOfFamily.load(f.id)));
        families = families.filter((_f, i) =>
          teams[i]!.some((t) => t.caseworkerId === identity.userId && t.from <= ctx.today && notEndedOn(t, ctx.today)),
        );
      }
      for (const family of families) ctx.loaders.family.prime(family.id, family);
      const members = await Promise.all(families.map((f) => ctx.loaders.membersOfFamily.load(f.id)));
      return families.flatMap((family, i) => monthsOfMembers(family, members[i]!, args.month));
    },
  },

  Mutation: {
    registerFamilyPart: async (_: unknown, args: { input: FamilyPartInput }, ctx: FamilyContext) => {
      const { input } = args;
      const family = await familyToRegister(ctx, input.familyId);
      const person = isUuid(input.personId) ? await ctx.loaders.person.load(input.personId) : null;
      const member = person && person.familyId === family.id && person.removedOn === null ? person : null;
      const [previous, bands] = await Promise.all([
        member ? prefillOf(ctx, member.id, input.month) : null,
        ctx.loaders.sdqNormBands.load(family.municipalityCode),
      ]);
      const values = planFamilyPart(input, {
        today: ctx.today,
        role: member?.role ?? null,
        memberOfFamily: member !== null,
        enrolmentDate: family.enrolmentDate,
        closedOn: family.closedOn,
        previous,
        normSets: new Set(bands.map((b) => b.normSet)),
      });
      const rows = await ctx.stores.registrations.write(
        [
          {
            municipalityCode: family.municipalityCode,
            familyId: family.id,
            personId: member!.id,
            month: input.month,
            values,
            confirmedUnchanged: false,
          },
        ],
        ctx.identity.userId,
        input.reason?.trim() || null,
      );
      afterWrite(ctx, rows);
      return { personId: member!.id, month: input.month, person: member!, family };
    },

    confirmUnchangedFamilyMonth: async (
      _: unknown,
      args: { input: { familyId: string; month: string } },
      ctx: FamilyContext,
    ) => {
      const { familyId, month } = args.input;
      const family = await familyToRegister(ctx, familyId);
      const problems = new InputProblems();
      checkMonth(
        month,
        { today: ctx.today, enrolmentDate: family.enrolmentDate, closedOn: family.closedOn },
        problems,
        'input.month',
      );
      problems.throwIfAny();
      const members = await ctx.loaders.membersOfFamily.load(family.id);
      // Every member's month and previous month at once: one statement each, however large the family.
      const state = await Promise.all(
        members.map(async (person) => ({
          person,
          current: await ctx.loaders.familyRegistration.load(`${person.id}|${month}`),
          previous: await previousOf(ctx, person.id, month),
        })),
      );
      const writes = state
        .filter(({ current, previous }) => !current && previous)
        .map(({ person, previous }) => ({
          municipalityCode: family.municipalityCode,
          familyId: family.id,
          personId: person.id,
          month,
          values: carriedOver(previous!),
          confirmedUnchanged: true,
        }));
      afterWrite(ctx, await ctx.stores.registrations.write(writes, ctx.identity.userId, null));
      return monthsOfMembers(family, members, month);
    },

    addSdqNormSet: async (_: unknown, args: { input: NormSetInput }, ctx: FamilyContext) => {
      requireProjectManager(ctx, 'SDQ norm sets');
      const municipality = ctx.identity.municipality;
      const bands = await ctx.loaders.sdqNormBands.load(municipality);
      const valid = validateNormSet(args.input, new Set(bands.map((b) => b.normSet)));
      await ctx.stores.registrations.addNormSet(municipality, valid, ctx.identity.userId);
      ctx.loaders.sdqNormBands.clear(municipality);
      return normSetsOf(await ctx.loaders.sdqNormBands.load(municipality)).find((n) => n.name === valid.name);
    },

    setRegistrationDeadline: async (
      _: unknown,
      args: { input: { projectId: string; businessDay: number } },
      ctx: FamilyContext,
    ) => {
      requireProjectManager(ctx, 'registration deadlines');
      const project = await visibleProject(ctx, args.input.projectId);
      if (!project)
        throw new UserInputError('input.projectId', 'There is no project with this id in your municipality');
      const day = args.input.businessDay;
      if (!Number.isInteger(day) || day < 1 || day > 20)
        throw new UserInputError(
          'input.businessDay',
          'The deadline is the 1st to the 20th business day of the next month',
        );
      await ctx.stores.registrations.setDeadline(project.id, project.municipalityCode, day, ctx.identity.userId);
      ctx.loaders.projectsWithSettings.clear(project.municipalityCode);
      return project;
    },
  },

  Family: {
    registrationMonth: async (family: FamilyEntity, args: { month: string }, ctx: FamilyContext) =>
      monthsOfMembers(family, await ctx.loaders.membersOfFamily.load(family.id), args.month),
    progressGrid: async (family: FamilyEntity, args: { from: string; to: string }, ctx: FamilyContext) => {
      if (args.to < args.from) throw new UserInputError('to', 'The last month is before the first');
      const months = monthsBetween(args.from, args.to);
      if (months.length > 36) throw new UserInputError('to', 'A grid spans at most 36 months');
      const members = await ctx.loaders.membersOfFamily.load(family.id);
      return {
        months,
        members: members.map((person) => ({
          person,
          months: months.map((month) => ({ personId: person.id, month, person, family })),
        })),
      };
    },
  },

  Person: {
    familyProgression: async (person: PersonEntity, _: unknown, ctx: FamilyContext) => {
      readValues(ctx, person.municipalityCode);
      return familyProgression(await ctx.loaders.registrationsOfPerson.load(person.id));
    },
  },

  Project: {
    registrationDeadlineBusinessDay: async (project: ProjectEntity, _: unknown, ctx: FamilyContext) => {
      const rows = await ctx.loaders.projectsWithSettings.load(project.municipalityCode);
      return rows.find((r) => r.id === project.id)?.deadlineBusinessDay ?? DEFAULT_DEADLINE_BUSINESS_DAY;
    },
  },

  PersonMonth: {
    __resolveReference: (ref: { personId: string; month: string } & Partial<PersonMonth>, ctx: FamilyContext) =>
      personMonth(ctx, ref),
    person: (pm: PersonMonth, _: unknown, ctx: FamilyContext) => {
      authorize(ctx.identity, {
        municipality: pm.person.municipalityCode,
        category: 'BASIC',
        operation: 'read',
        what: 'A person',
      });
      return pm.person;
    },
    familyId: (pm: PersonMonth) => pm.family.id,
    caseReference: (pm: PersonMonth) => pm.family.caseReference,
    memberRole: (pm: PersonMonth) => pm.person.role,
    memberNumber: async (pm: PersonMonth, _: unknown, ctx: FamilyContext) => {
      const [current, former] = await Promise.all([
        ctx.loaders.membersOfFamily.load(pm.family.id),
        ctx.loaders.formerMembersOfFamily.load(pm.family.id),
      ]);
      const all = [...current, ...former].sort(
        // Members added together share a creation time: then the oldest first.
        (a, b) =>
          a.createdAt.getTime() - b.createdAt.getTime() ||
          (a.birthDate < b.birthDate ? -1 : a.birthDate > b.birthDate ? 1 : a.id < b.id ? -1 : 1),
      );
      return all.findIndex((p) => p.id === pm.person.id) + 1;
    },
    ageAtEndOfMonth: (pm: PersonMonth) => ageAtEndOfMonth(pm.person.birthDate, pm.month),
    deadline: (pm: PersonMonth, _: unknown, ctx: FamilyContext) =>
      deadlineOf(ctx, pm.family.municipalityCode, pm.month),
    familyPart: (pm: PersonMonth, _: unknown, ctx: FamilyContext) => familyPart(pm, ctx),
    familyRegistration: (pm: PersonMonth, _: unknown, ctx: FamilyContext) => {
      readValues(ctx, pm.person.municipalityCode);
      return ctx.loaders.familyRegistration.load(`${pm.personId}|${pm.month}`);
    },
    familyIndicators: async (pm: PersonMonth, _: unknown, ctx: FamilyContext) => {
      readValues(ctx, pm.person.municipalityCode);
      const row = await ctx.loaders.familyRegistration.load(`${pm.personId}|${pm.month}`);
      return row ? monthIndicators(row) : [];
    },
    missingParts: async (pm: PersonMonth, _: unknown, ctx: FamilyContext) => {
      const own = await familyPart(pm, ctx);
      return missingParts(own, pm.jobcenterPart, pm.healthPart).map((department) => ({
        department,
        responsible: responsibleOf(ctx, pm.family.id, department),
      }));
    },
    complete: async (pm: PersonMonth, _: unknown, ctx: FamilyContext) =>
      missingParts(await familyPart(pm, ctx), pm.jobcenterPart, pm.healthPart).length === 0,
    contactPerson: async (pm: PersonMonth, _: unknown, ctx: FamilyContext) => {
      const current = contactAssignmentOn(
        await ctx.loaders.contactPersonAssignmentsOfFamily.load(pm.family.id),
        ctx.today,
      );
      return current ? ctx.loaders.caseworker.load(current.caseworkerId) : null;
    },
    projectLead: async (pm: PersonMonth, _: unknown, ctx: FamilyContext) => {
      const enrolments = await ctx.loaders.enrolmentsOfFamily.load(pm.family.id);
      const current = enrolments.find((e) => isCurrentEnrolment(e, ctx.today));
      const project = current ? await ctx.loaders.project.load(current.projectId) : null;
      return project ? ctx.loaders.caseworker.load(project.projectLeadId) : null;
    },
  },

  FamilyRegistration: {
    ics: (r: FamilyRegistrationEntity) =>
      r.kind === 'CHILD'
        ? ICS_DIMENSIONS.map((dimension) => ({
            dimension,
            score: r.scores[dimension],
            note: r.notes[dimension] ?? null,
          }))
        : [],
    vum: (r: FamilyRegistrationEntity) =>
      r.kind === 'ADULT'
        ? VUM_THEMES.map((theme) => ({ theme, score: r.scores[theme], note: r.notes[theme] ?? null }))
        : [],
    schoolAttendancePercent: (r: FamilyRegistrationEntity) => r.attendancePercent,
    sdq: async (r: FamilyRegistrationEntity, _: unknown, ctx: FamilyContext) => {
      if (!r.sdq) return null;
      const sdq = r.sdq;
      const bands = await ctx.loaders.sdqNormBands.load(r.municipalityCode);
      const scales = scalesOf(sdq);
      return {
        informant: sdq.informant,
        normSet: sdq.normSet,
        itemsAnswered: sdq.items ? sdq.items.length : null,
        scores: SDQ_SCALES.map((scale) => {
          const q = { normSet: sdq.normSet, informant: sdq.informant, scale, score: scales[scale] };
          return {
            scale,
            score: scales[scale],
            prorated: (sdq.prorated as string[]).includes(scale),
            band: bandOf(bands, { ...q, banding: 'THREE_BAND' }),
            fourBand: bandOf(bands, { ...q, banding: 'FOUR_BAND' }),
          };
        }),
      };
    },
    history: async (r: FamilyRegistrationEntity, args: PageArgs, ctx: FamilyContext) =>
      toConnection(
        await ctx.stores.history.ofEntities(r.municipalityCode, [{ entity: 'FamilyRegistration', ids: [r.id] }], args),
      ),
  },
};
