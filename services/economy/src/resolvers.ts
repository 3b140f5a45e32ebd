import { DateScalar, DateTimeScalar, YearMonthScalar } from '@helhed/server';
import { benefitCostResolvers } from './benefit-cost/benefit-cost.resolvers';
import { familyCostsResolvers } from './family-costs/family-costs.resolvers';
import { grantResolvers } from './grant/grant.resolvers';
import { investmentResolvers } from './investment/investment.resolvers';
import { ledgerResolvers } from './ledger/ledger.resolvers';
import { OreScalar } from './money';
import { priceCatalogueResolvers } from './price-catalogue/price-catalogue.resolvers';
import { projectCostsResolvers } from './project-costs/project-costs.resolvers';

export const resolvers = {
  Date: DateScalar,
  YearMonth: YearMonthScalar,
  DateTime: DateTimeScalar,
  Ore: OreScalar,
  Query: { ...priceCatalogueResolvers.Query, ...investmentResolvers.Query },
  Mutation: {
    ...priceCatalogueResolvers.Mutation,
    ...ledgerResolvers.Mutation,
    ...investmentResolvers.Mutation,
    ...grantResolvers.Mutation,
  },
  PriceCatalogueEntry: priceCatalogueResolvers.PriceCatalogueEntry,
  Person: benefitCostResolvers.Person,
  CostEntry: ledgerResolvers.CostEntry,
  Family: familyCostsResolvers.Family,
  Project: { ...projectCostsResolvers.Project, ...grantResolvers.Project },
  Grant: grantResolvers.Grant,
  GrantSpending: grantResolvers.GrantSpending,
  InvestmentCase: investmentResolvers.InvestmentCase,
};
