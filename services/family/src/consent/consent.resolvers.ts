import { ForbiddenError, UserInputError } from '@helhed/errors';
import { authorize, type DataCategory, type Department } from '@helhed/identity';
import type { FamilyContext } from '../context';
import { isUuid } from '../ids';
import type { PersonEntity } from '../person/person.entity';
import { visiblePerson } from '../person/person.resolvers';
import { validateConsent, validateWithdrawal, type GiveConsentInput, type WithdrawConsentInput } from './consent';
import type { ConsentEntity } from './consent.entity';
import { validateCustodyHolders, type SetCustodyHoldersInput } from './custody';
import {
  validateLegalBasis,
  validateLegalBasisEnd,
  type EndLegalBasisInput,
  type RecordLegalBasisInput,
} from './legal-basis';
import type { LegalBasisEntity } from './legal-basis.entity';
import { consentStatus, legalBasisStatus } from './sharing';
import { sharingPermissionFor } from './sharing-permission';
import { decideFamilyRead } from '../team/caller-facts';

/** Custody, consents and legal bases are basic data of the family: the family department writes them. */
function authorizeWrite(ctx: FamilyContext, what: string): string {
  const municipality = ctx.identity.municipality;
  authorize(ctx.identity, { municipality, category: 'BASIC', operation: 'write', what });
  return municipality;
}

function authorizeRead(ctx: FamilyContext, what: string): void {
  authorize(ctx.identity, { municipality: ctx.identity.municipality, category: 'BASIC', operation: 'read', what });
}

/** A consent of the caller's municipality; another municipality's consent does not exist for the caller. */
async function visibleConsent(ctx: FamilyContext, id: string): Promise<ConsentEntity | null> {
  if (!isUuid(id)) return null;
  const consent = await ctx.loaders.consent.load(id.toLowerCase());
  if (!consent || consent.municipalityCode !== ctx.identity.municipality) return null;
  authorizeRead(ctx, 'A consent');
  return consent;
}

async function visibleLegalBasis(ctx: FamilyContext, id: string): Promise<LegalBasisEntity | null> {
  if (!isUuid(id)) return null;
  const basis = await ctx.loaders.legalBasis.load(id.toLowerCase());
  if (!basis || basis.municipalityCode !== ctx.identity.municipality) return null;
  authorizeRead(ctx, 'A legal basis');
  return basis;
}

/** Persons by id through the request's loader, current members of the caller's municipality only. */
async function currentMembers(ctx: FamilyContext, ids: string[]): Promise<PersonEntity[]> {
  const people = await ctx.loaders.person.loadMany(ids);
  return people.filter(
    (p): p is PersonEntity =>
      p !== null && !(p instanceof Error) && p.municipalityCode === ctx.identity.municipality && !p.removedOn,
  );
}

export const consentResolvers = {
  Query: {
    sharingPermission: async (
      _: unknown,
      args: { personId: string; department: Department; category: DataCategory; on?: string | null },
      ctx: FamilyContext,
    ) => {
      const person = await visiblePerson(ctx, args.personId);
      if (!person) throw new UserInputError('personId', 'There is no person with this id in your municipality');
      // The answer names the person's consents and legal bases: only for a caller who may see the person.
      const subject = { personId: person.id, familyId: person.familyId, municipality: person.municipalityCode };
      const decision = await decideFamilyRead(ctx, subject, 'BASIC');
      if (!decision.allowed) throw new ForbiddenError(decision.reason);
      const question = { department: args.department, category: args.category, on: args.on ?? ctx.today };
      return { ...(await sharingPermissionFor(ctx, person.id, question)), ...question };
    },
  },

  Mutation: {
    setCustodyHolders: async (_: unknown, args: { input: SetCustodyHoldersInput }, ctx: FamilyContext) => {
      const { input } = args;
      const municipality = authorizeWrite(ctx, 'custody');
      await ctx.stores.custody.setHolders(municipality, input, ctx.identity.userId, ctx.today, (member) =>
        validateCustodyHolders(input, member(input.childId), input.holderIds.map(member), ctx.today),
      );
      ctx.logger.info({ childId: input.childId, holders: input.holderIds.length }, 'custody holders set');
      return visiblePerson(ctx, input.childId);
    },

    giveConsent: async (_: unknown, args: { input: GiveConsentInput }, ctx: FamilyContext) => {
      const { input } = args;
      const municipality = authorizeWrite(ctx, 'consents');
      const settings = { ownAge: ctx.consentOwnAge, today: ctx.today };
      const consent = await ctx.stores.consents.giveConsent(municipality, input, ctx.identity.userId, (facts) =>
        validateConsent(input, facts, settings),
      );
      ctx.logger.info({ consentId: consent.id }, 'consent recorded');
      return consent;
    },

    withdrawConsent: async (_: unknown, args: { input: WithdrawConsentInput }, ctx: FamilyContext) => {
      const { input } = args;
      const municipality = authorizeWrite(ctx, 'consents');
      const consent = await ctx.stores.consents.withdrawConsent(
        municipality,
        input.consentId,
        ctx.identity.userId,
        (current) => validateWithdrawal(current, input),
      );
      ctx.logger.info({ consentId: consent.id }, 'consent withdrawn');
      return consent;
    },

    recordLegalBasis: async (_: unknown, args: { input: RecordLegalBasisInput }, ctx: FamilyContext) => {
      const { input } = args;
      const municipality = authorizeWrite(ctx, 'legal bases');
      const basis = await ctx.stores.consents.recordLegalBasis(
        municipality,
        input.personId,
        ctx.identity.userId,
        (person) => validateLegalBasis(input, person),
      );
      ctx.logger.info({ legalBasisId: basis.id }, 'legal basis recorded');
      return basis;
    },

    endLegalBasis: async (_: unknown, args: { input: EndLegalBasisInput }, ctx: FamilyContext) => {
      const { input } = args;
      const municipality = authorizeWrite(ctx, 'legal bases');
      const basis = await ctx.stores.consents.endLegalBasis(
        municipality,
        input.legalBasisId,
        ctx.identity.userId,
        (current) => validateLegalBasisEnd(current, input),
      );
      ctx.logger.info({ legalBasisId: basis.id }, 'legal basis ended');
      return basis;
    },
  },

  Person: {
    custodyHolders: async (person: PersonEntity, _: unknown, ctx: FamilyContext) => {
      const rows = await ctx.loaders.custodyOfChild.load(person.id);
      return currentMembers(
        ctx,
        rows.map((r) => r.holderId),
      );
    },
    custodyOf: async (person: PersonEntity, _: unknown, ctx: FamilyContext) => {
      const rows = await ctx.loaders.custodyByHolder.load(person.id);
      return currentMembers(
        ctx,
        rows.map((r) => r.childId),
      );
    },
    consents: async (person: PersonEntity, args: { includeEnded?: boolean | null }, ctx: FamilyContext) => {
      authorizeRead(ctx, "A person's consents");
      const consents = await ctx.loaders.consentsOfPerson.load(person.id);
      if (args.includeEnded !== false) return consents;
      return consents.filter((c) => ['PENDING', 'ACTIVE'].includes(consentStatus(c, ctx.today)));
    },
    legalBases: (person: PersonEntity, _: unknown, ctx: FamilyContext) => {
      authorizeRead(ctx, "A person's legal bases");
      return ctx.loaders.legalBasesOfPerson.load(person.id);
    },
  },

  Consent: {
    __resolveReference: (ref: { id: string }, ctx: FamilyContext) => visibleConsent(ctx, ref.id),
    person: (consent: ConsentEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.person.load(consent.personId),
    givenBy: (consent: ConsentEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.person.load(consent.givenById),
    status: (consent: ConsentEntity, _: unknown, ctx: FamilyContext) => consentStatus(consent, ctx.today),
    recordedBy: (consent: ConsentEntity) => consent.createdBy,
  },

  LegalBasis: {
    __resolveReference: (ref: { id: string }, ctx: FamilyContext) => visibleLegalBasis(ctx, ref.id),
    person: (basis: LegalBasisEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.person.load(basis.personId),
    status: (basis: LegalBasisEntity, _: unknown, ctx: FamilyContext) => legalBasisStatus(basis, ctx.today),
    recordedBy: (basis: LegalBasisEntity) => basis.createdBy,
  },
};
