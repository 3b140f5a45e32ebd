import { DateScalar } from '@helhed/server';
import { GraphQLScalarType } from 'graphql';
import { caseworkerResolvers } from './caseworker/caseworker.resolvers';
import { familyResolvers } from './family/family.resolvers';
import { municipalityResolvers } from './municipality/municipality.resolvers';
import { personResolvers } from './person/person.resolvers';

const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
});

export const resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: {
    ...municipalityResolvers.Query,
    ...caseworkerResolvers.Query,
    ...familyResolvers.Query,
    ...personResolvers.Query,
  },
  Mutation: {
    ...municipalityResolvers.Mutation,
    ...caseworkerResolvers.Mutation,
    ...familyResolvers.Mutation,
  },
  Municipality: municipalityResolvers.Municipality,
  Caseworker: caseworkerResolvers.Caseworker,
  Family: familyResolvers.Family,
  Person: personResolvers.Person,
};
