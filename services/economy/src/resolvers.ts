import { DateScalar, YearMonthScalar } from '@helhed/server';
import { benefitCostResolvers } from './benefit-cost/benefit-cost.resolvers';
import { familyCostsResolvers } from './family-costs/family-costs.resolvers';
import { ledgerResolvers } from './ledger/ledger.resolvers';
import { OreScalar } from './money';
import { priceCatalogueResolvers } from './price-catalogue/price-catalogue.resolvers';
import { projectCostsResolvers } from './project-costs/project-costs.resolvers';

export const resolvers = {
  Date: DateScalar,
  YearMonth: YearMonthScalar,
  Ore: OreScalar,
  Query: { ...priceCatalogueResolvers.Query },
  Mutation: { ...priceCatalogueResolvers.Mutation, ...ledgerResolvers.Mutation },
  PriceCatalogueEntry: priceCatalogueResolvers.PriceCatalogueEntry,
  Person: benefitCostResolvers.Person,
  CostEntry: ledgerResolvers.CostEntry,
  Family: familyCostsResolvers.Family,
  Project: projectCostsResolvers.Project,
};
