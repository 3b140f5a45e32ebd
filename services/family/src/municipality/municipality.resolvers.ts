import { ForbiddenError } from '@helhed/errors';
import type { FamilyContext } from '../context';
import { validateMunicipality, type MunicipalityInput } from './municipality';

export const municipalityResolvers = {
  Query: {
    myMunicipality: (_: unknown, __: unknown, ctx: FamilyContext) =>
      ctx.loaders.municipality.load(ctx.identity.municipality),
  },
  Mutation: {
    registerMunicipality: async (_: unknown, args: { input: MunicipalityInput }, ctx: FamilyContext) => {
      if (!ctx.identity.roles.includes('ADMIN'))
        throw new ForbiddenError('Only administrators register municipalities');
      const valid = validateMunicipality(args.input);
      if (valid.code !== ctx.identity.municipality) {
        throw new ForbiddenError('Administrators register their own municipality only');
      }
      return ctx.stores.municipalities.upsert(valid.code, valid.name);
    },
  },
  Municipality: {
    __resolveReference: (ref: { code: string }, ctx: FamilyContext) => ctx.loaders.municipality.load(ref.code),
  },
};
