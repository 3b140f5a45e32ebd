import { DateScalar } from './scalars';
import { mergeResolvers } from './merge-resolvers';

describe('mergeResolvers', () => {
  it('merges fields of the same type from several maps and keeps scalars', () => {
    const a = () => 1;
    const b = () => 2;
    const merged = mergeResolvers({ Date: DateScalar, Query: { a } }, { Query: { b }, Family: { b } });
    expect(merged.Query).toEqual({ a, b });
    expect(merged.Family).toEqual({ b });
    expect(merged.Date).toBe(DateScalar);
  });

  it('refuses a field resolved twice', () => {
    expect(() => mergeResolvers({ Query: { a: () => 1 } }, { Query: { a: () => 2 } })).toThrow(
      'Query.a is resolved in two places',
    );
  });
});
