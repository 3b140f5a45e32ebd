import { ForbiddenError } from '@helhed/errors';
import type { Department } from '@helhed/identity';
import type { FamilyContext } from '../context';
import { isUuid } from '../ids';
import type { CaseworkerEntity } from './caseworker.entity';
import { validateCaseworker, type CaseworkerInput } from './caseworker';

export const caseworkerResolvers = {
  Query: {
    caseworkers: (_: unknown, args: { department?: Department | null }, ctx: FamilyContext) =>
      ctx.stores.caseworkers.list(ctx.identity.municipality, args.department),
  },
  Mutation: {
    registerCaseworker: async (_: unknown, args: { input: CaseworkerInput }, ctx: FamilyContext) => {
      const { roles, municipality } = ctx.identity;
      if (!roles.includes('ADMIN') && !roles.includes('PROJECT_LEAD')) {
        throw new ForbiddenError('Only administrators and project leads register caseworkers');
      }
      const valid = validateCaseworker(args.input);
      if (!(await ctx.loaders.municipality.load(municipality))) {
        throw new ForbiddenError(`Municipality ${municipality} is not registered in Helhed`);
      }
      return ctx.stores.caseworkers.create({ ...valid, municipalityCode: municipality });
    },
  },
  Caseworker: {
    __resolveReference: async (ref: { id: string }, ctx: FamilyContext) => {
      if (!isUuid(ref.id)) return null;
      const caseworker = await ctx.loaders.caseworker.load(ref.id);
      return caseworker && caseworker.municipalityCode === ctx.identity.municipality ? caseworker : null;
    },
    municipality: (c: CaseworkerEntity, _: unknown, ctx: FamilyContext) =>
      ctx.loaders.municipality.load(c.municipalityCode),
  },
};
