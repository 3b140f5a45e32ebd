import { DateScalar } from '@helhed/server';
import { benefitPeriodResolvers } from './benefit-period/benefit-period.resolvers';

export const resolvers = {
  Date: DateScalar,
  Query: {
    ...benefitPeriodResolvers.Query,
  },
  Mutation: {
    ...benefitPeriodResolvers.Mutation,
  },
  Person: benefitPeriodResolvers.Person,
  BenefitPeriod: benefitPeriodResolvers.BenefitPeriod,
};
