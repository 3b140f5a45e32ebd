import { UserInputError } from '@helhed/errors';
import { authorize } from '@helhed/identity';
import type { EmploymentContext } from '../context';
import { todayInDenmark } from '../dates';
import { isUuid } from '../ids';
import { leisureJobHeld } from '../leisure-job/leisure-job';
import { normaliseId } from '../offer/offer-participation';
import type { RegistrationConfirmationEntity } from './registration-confirmation.entity';
import { directoryPersons } from './registration-loaders';
import {
  REGISTRATION_FIELDS,
  checkMonth,
  deriveRegistration,
  fieldView,
  leisureJobApplies,
  validateCorrections,
  type Corrections,
} from './registration';

interface ConfirmInput {
  personId: string;
  month: string;
  corrections?: Corrections | null;
}

/** The registration of a person's month as the schema shows it: every field derived and confirmed, side by side. */
async function registrationOf(ctx: EmploymentContext, personId: string, month: string, today: string) {
  const known = isUuid(personId);
  const [person, participations, confirmation, employment, education, leisureJobs] = await Promise.all([
    known ? directoryPersons(ctx).load(personId) : null,
    known ? ctx.loaders.offers.participationsOfPerson.load(personId) : [],
    known ? ctx.loaders.registrations.confirmation.load(`${personId}|${month}`) : null,
    known ? ctx.loaders.employmentPeriodsOfPerson.load(personId) : [],
    known ? ctx.loaders.educationEnrolmentsOfPerson.load(personId) : [],
    known ? ctx.loaders.leisureJobsOfPerson.load(personId) : [],
  ]);
  const weeks = await Promise.all(participations.map((p) => ctx.loaders.offers.weeksOfParticipation.load(p.id)));
  const leisureApplies = leisureJobApplies(person?.birthDate ?? null, person?.role ?? null, month);
  const derived = deriveRegistration({
    month,
    today,
    maxGapWeeks: ctx.settings.offerKeptMaxGapWeeks,
    offers: participations.map((p, i) => ({ ...p, weeks: weeks[i]! })),
    leisureJobApplies: leisureApplies,
    employment,
    educationStarts: education.map((e) => e.startedOn),
    leisureJobs: leisureJobs.map((j) => ({ ...j, heldAsOf: (day: string) => leisureJobHeld(j, day).held })),
  });
  return { person, derived, leisureApplies, view: view(personId, month, derived, leisureApplies, confirmation) };
}

function view(
  personId: string,
  month: string,
  derived: ReturnType<typeof deriveRegistration>,
  leisureApplies: boolean,
  confirmation: RegistrationConfirmationEntity | null,
) {
  const fields = Object.fromEntries(REGISTRATION_FIELDS.map((f) => [f, fieldView(f, derived, confirmation)]));
  return {
    ...fields,
    person: { id: personId },
    month,
    leisureJobApplies: leisureApplies,
    confirmedAt: confirmation?.confirmedAt.toISOString() ?? null,
    confirmedBy: confirmation?.confirmedBy ?? null,
    complete: confirmation !== null,
  };
}

export const registrationResolvers = {
  Person: {
    employmentRegistration: async (person: { id: string }, args: { month: string }, ctx: EmploymentContext) => {
      authorize(ctx.identity, {
        municipality: ctx.identity.municipality,
        category: 'EMPLOYMENT',
        operation: 'read',
        what: "A person's employment registration",
      });
      const today = todayInDenmark();
      checkMonth(args.month, today, 'month');
      return (await registrationOf(ctx, normaliseId(person.id), args.month, today)).view;
    },
  },

  Mutation: {
    confirmEmploymentRegistration: async (_: unknown, args: { input: ConfirmInput }, ctx: EmploymentContext) => {
      const { input } = args;
      const municipalityCode = ctx.identity.municipality;
      authorize(ctx.identity, {
        municipality: municipalityCode,
        category: 'EMPLOYMENT',
        operation: 'write',
        what: 'employment registrations',
      });
      const today = todayInDenmark();
      checkMonth(input.month, today, 'input.month');
      const personId = normaliseId(input.personId);
      const current = await registrationOf(ctx, personId, input.month, today);
      if (!current.person)
        throw new UserInputError('input.personId', 'There is no person with this id in your municipality');
      const corrections = validateCorrections(input.corrections, current.leisureApplies);
      const confirmation = await ctx.stores.registrations.confirm(
        { municipalityCode, personId, familyId: current.person.familyId, month: input.month },
        { derived: current.derived, corrections },
        ctx.identity.userId,
      );
      ctx.logger.info({ registrationId: confirmation.id }, 'employment registration confirmed');
      return view(personId, input.month, current.derived, current.leisureApplies, confirmation);
    },
  },
};
