import { authorize } from '@helhed/identity';
import type { FamilyContext } from '../context';
import { isUuid } from '../ids';
import type { FamilyEntity, FamilyStatus } from './family.entity';
import { validateNewFamily, type NewFamily } from './new-family';
import { parseCpr } from '../cpr/cpr';
import { UserInputError, ForbiddenError } from '@helhed/errors';

/** Loads a family of the caller's municipality; another municipality's family does not exist for the caller. */
export async function visibleFamily(ctx: FamilyContext, id: string): Promise<FamilyEntity | null> {
  if (!isUuid(id)) return null;
  const family = await ctx.loaders.family.load(id);
  if (!family || family.municipalityCode !== ctx.identity.municipality) return null;
  authorize(ctx.identity, {
    municipality: family.municipalityCode,
    category: 'BASIC',
    operation: 'read',
    what: 'A family',
  });
  return family;
}

const MAX_PAGE = 200;

export const familyResolvers = {
  Query: {
    family: (_: unknown, args: { id: string }, ctx: FamilyContext) => visibleFamily(ctx, args.id),

    families: async (
      _: unknown,
      args: { status?: FamilyStatus | null; first?: number | null; offset?: number | null },
      ctx: FamilyContext,
    ) => {
      authorize(ctx.identity, {
        municipality: ctx.identity.municipality,
        category: 'BASIC',
        operation: 'read',
        what: 'Families',
      });
      const first = args.first ?? 50;
      const offset = args.offset ?? 0;
      if (first < 0 || first > MAX_PAGE) throw new UserInputError('first', `first is between 0 and ${MAX_PAGE}`);
      if (offset < 0) throw new UserInputError('offset', 'offset cannot be negative');
      return ctx.stores.families.list(ctx.identity.municipality, { status: args.status, first, offset });
    },

    familiesByMemberCpr: async (_: unknown, args: { cpr: string }, ctx: FamilyContext) => {
      authorize(ctx.identity, {
        municipality: ctx.identity.municipality,
        category: 'BASIC',
        operation: 'read',
        what: 'Families',
      });
      const cpr = parseCpr(args.cpr);
      if (!cpr.ok) throw new UserInputError('cpr', cpr.reason);
      return ctx.stores.families.byMemberCpr(ctx.identity.municipality, cpr.value.digits);
    },
  },

  Mutation: {
    createFamily: async (_: unknown, args: { input: NewFamily }, ctx: FamilyContext) => {
      const municipality = ctx.identity.municipality;
      authorize(ctx.identity, { municipality, category: 'BASIC', operation: 'write', what: 'families' });
      const valid = validateNewFamily(args.input, ctx.today);
      if (!(await ctx.loaders.municipality.load(municipality))) {
        throw new ForbiddenError(`Municipality ${municipality} is not registered in Helhed`);
      }
      const family = await ctx.stores.families.create(valid, municipality, ctx.identity.userId);
      ctx.logger.info({ familyId: family.id, members: valid.members.length }, 'family created');
      return family;
    },
  },

  Family: {
    __resolveReference: (ref: { id: string }, ctx: FamilyContext) => visibleFamily(ctx, ref.id),
    municipality: (family: FamilyEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.municipality.load(family.municipalityCode),
    members: (family: FamilyEntity, _: unknown, ctx: FamilyContext) => ctx.loaders.membersOfFamily.load(family.id),
  },
};
