import { authorize } from '@helhed/identity';
import type { EconomyContext } from '../context';
import { formatDkk } from '../money';
import type { PriceCatalogueEntryEntity } from './price-catalogue.entity';
import { KNOWN_COST_TYPES } from './cost-types';
import { validateNewPrice, type NewPrice } from './price-catalogue';

export const priceCatalogueResolvers = {
  Query: {
    priceCatalogue: (_: unknown, args: { validOn?: string | null }, ctx: EconomyContext) =>
      ctx.stores.prices.list(ctx.identity.municipality, args.validOn),
  },
  Mutation: {
    addPriceCatalogueEntry: async (_: unknown, args: { input: NewPrice }, ctx: EconomyContext) => {
      const municipality = ctx.identity.municipality;
      authorize(ctx.identity, { municipality, category: 'ECONOMY', operation: 'write', what: 'the price catalogue' });
      const unitOfType = await ctx.stores.prices.unitOf(municipality, args.input.costType);
      const price = validateNewPrice(args.input, unitOfType);
      return ctx.stores.prices.add(municipality, price, ctx.identity.userId);
    },
  },
  PriceCatalogueEntry: {
    priceDkk: (entry: PriceCatalogueEntryEntity) => formatDkk(entry.priceOre),
    department: (entry: PriceCatalogueEntryEntity) => KNOWN_COST_TYPES[entry.costType]?.department ?? null,
    __resolveReference: (ref: { id: string }, ctx: EconomyContext) => ctx.loaders.price.load(ref.id),
  },
};
