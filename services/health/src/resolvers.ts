import { DateScalar } from '@helhed/server';
import { healthAssessmentResolvers } from './health-assessment/health-assessment.resolvers';

export const resolvers = {
  Date: DateScalar,
  Query: {
    ...healthAssessmentResolvers.Query,
  },
  Mutation: {
    ...healthAssessmentResolvers.Mutation,
  },
  Person: healthAssessmentResolvers.Person,
  HealthAssessment: healthAssessmentResolvers.HealthAssessment,
};
