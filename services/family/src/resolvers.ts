import { GraphQLScalarType } from 'graphql';
import { DateScalar, mergeResolvers } from '@helhed/server';
import { caseworkerResolvers } from './caseworker/caseworker.resolvers';
import { familyResolvers } from './family/family.resolvers';
import { historyResolvers } from './history/history.resolvers';
import { municipalityResolvers } from './municipality/municipality.resolvers';
import { personResolvers } from './person/person.resolvers';

const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
});

const JsonScalar = new GraphQLScalarType({ name: 'JSON', serialize: (value) => value, parseValue: (value) => value });

/** Each domain folder's resolvers, merged type by type (a field resolved twice fails at startup). */
export const resolvers = mergeResolvers(
  { Date: DateScalar, DateTime: DateTimeScalar, JSON: JsonScalar },
  municipalityResolvers,
  caseworkerResolvers,
  familyResolvers,
  personResolvers,
  historyResolvers,
);
