import { DateScalar, YearMonthScalar } from '@helhed/server';
import { benefitCostResolvers } from './benefit-cost/benefit-cost.resolvers';
import { priceCatalogueResolvers } from './price-catalogue/price-catalogue.resolvers';

export const resolvers = {
  Date: DateScalar,
  YearMonth: YearMonthScalar,
  Query: { ...priceCatalogueResolvers.Query },
  Mutation: { ...priceCatalogueResolvers.Mutation },
  PriceCatalogueEntry: priceCatalogueResolvers.PriceCatalogueEntry,
  Person: benefitCostResolvers.Person,
};
