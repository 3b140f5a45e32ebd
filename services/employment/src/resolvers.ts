import { DateScalar, mergeResolvers } from '@helhed/server';
import { benefitPeriodResolvers } from './benefit-period/benefit-period.resolvers';

/** Each domain folder's resolvers, merged type by type (a field resolved twice fails at startup). */
export const resolvers = mergeResolvers({ Date: DateScalar }, benefitPeriodResolvers);
