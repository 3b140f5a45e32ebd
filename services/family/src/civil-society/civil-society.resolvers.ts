import { toConnection, type PageArgs } from '@helhed/db';
import { authorize } from '@helhed/identity';
import type { FamilyContext } from '../context';
import { isUuid } from '../ids';
import type { PersonEntity } from '../person/person.entity';
import {
  validateParticipation,
  validateParticipationEnd,
  validatePartner,
  type EndParticipationInput,
  type RecordParticipationInput,
  type RegisterPartnerInput,
} from './civil-society';
import type { CivilSocietyParticipationEntity } from './civil-society-participation.entity';
import type { CivilSocietyPartnerEntity, CivilSocietyPartnerKind } from './civil-society-partner.entity';

/** Partners are the municipality's own data; members' activities are social data. Both are the family department's. */
function authorizeWrite(ctx: FamilyContext, category: 'BASIC' | 'SOCIAL', what: string): string {
  const municipality = ctx.identity.municipality;
  authorize(ctx.identity, { municipality, category, operation: 'write', what });
  return municipality;
}

function authorizeRead(ctx: FamilyContext, category: 'BASIC' | 'SOCIAL', what: string): void {
  authorize(ctx.identity, { municipality: ctx.identity.municipality, category, operation: 'read', what });
}

async function visiblePartner(ctx: FamilyContext, id: string): Promise<CivilSocietyPartnerEntity | null> {
  if (!isUuid(id)) return null;
  const partner = await ctx.loaders.civilSocietyPartner.load(id.toLowerCase());
  if (!partner || partner.municipalityCode !== ctx.identity.municipality) return null;
  authorizeRead(ctx, 'BASIC', 'A civil-society partner');
  return partner;
}

async function visibleParticipation(ctx: FamilyContext, id: string): Promise<CivilSocietyParticipationEntity | null> {
  if (!isUuid(id)) return null;
  const participation = await ctx.loaders.civilSocietyParticipation.load(id.toLowerCase());
  if (!participation || participation.municipalityCode !== ctx.identity.municipality) return null;
  authorizeRead(ctx, 'SOCIAL', "A person's civil-society activity");
  return participation;
}

export const civilSocietyResolvers = {
  Query: {
    civilSocietyPartners: async (
      _: unknown,
      args: PageArgs & { kind?: CivilSocietyPartnerKind | null },
      ctx: FamilyContext,
    ) => {
      authorizeRead(ctx, 'BASIC', 'Civil-society partners');
      return toConnection(await ctx.stores.civilSociety.partnerPage(ctx.identity.municipality, args, args));
    },
  },

  Mutation: {
    registerCivilSocietyPartner: async (_: unknown, args: { input: RegisterPartnerInput }, ctx: FamilyContext) => {
      const municipality = authorizeWrite(ctx, 'BASIC', 'civil-society partners');
      const valid = validatePartner(args.input);
      const partner = await ctx.stores.civilSociety.registerPartner(municipality, valid, ctx.identity.userId);
      ctx.logger.info({ partnerId: partner.id }, 'civil-society partner registered');
      return partner;
    },

    recordParticipation: async (_: unknown, args: { input: RecordParticipationInput }, ctx: FamilyContext) => {
      const { input } = args;
      const municipality = authorizeWrite(ctx, 'SOCIAL', "members' civil-society activities");
      const participation = await ctx.stores.civilSociety.recordParticipation(
        municipality,
        input,
        ctx.identity.userId,
        (person, partner) => validateParticipation(input, person, partner),
      );
      ctx.logger.info({ participationId: participation.id }, 'civil-society activity recorded');
      return participation;
    },

    endParticipation: async (_: unknown, args: { input: EndParticipationInput }, ctx: FamilyContext) => {
      const { input } = args;
      const municipality = authorizeWrite(ctx, 'SOCIAL', "members' civil-society activities");
      const participation = await ctx.stores.civilSociety.endParticipation(
        municipality,
        input.participationId,
        ctx.identity.userId,
        (current) => validateParticipationEnd(current, input),
      );
      ctx.logger.info({ participationId: participation.id }, 'civil-society activity ended');
      return participation;
    },
  },

  Person: {
    civilSocietyParticipations: (person: PersonEntity, _: unknown, ctx: FamilyContext) => {
      authorizeRead(ctx, 'SOCIAL', "A person's civil-society activities");
      return ctx.loaders.participationsOfPerson.load(person.id);
    },
  },

  CivilSocietyPartner: {
    __resolveReference: (ref: { id: string }, ctx: FamilyContext) => visiblePartner(ctx, ref.id),
    municipality: (partner: CivilSocietyPartnerEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.municipality.load(partner.municipalityCode),
  },

  CivilSocietyParticipation: {
    __resolveReference: (ref: { id: string }, ctx: FamilyContext) => visibleParticipation(ctx, ref.id),
    person: (p: CivilSocietyParticipationEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.person.load(p.personId),
    partner: (p: CivilSocietyParticipationEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.civilSocietyPartner.load(p.partnerId),
    start: (p: CivilSocietyParticipationEntity) => p.startDate,
    end: (p: CivilSocietyParticipationEntity) => p.endDate,
    ongoing: (p: CivilSocietyParticipationEntity, _: unknown, ctx: FamilyContext) =>
      p.startDate <= ctx.today && (p.endDate === null || p.endDate >= ctx.today),
    recordedBy: (p: CivilSocietyParticipationEntity) => p.createdBy,
  },
};
