import { checkDataCategories, subgraphSchemaOf } from '@helhed/server';
import { DATA_CATEGORIES } from './data-categories';
import { ECONOMY_SERVICE_DIR } from './service';

describe('the declared policy of the economy subgraph', () => {
  it('declares a data category (or NOT_PERSONAL) for every field of the schema, and no field that is gone', () => {
    expect(checkDataCategories(subgraphSchemaOf(ECONOMY_SERVICE_DIR), DATA_CATEGORIES)).toEqual({
      undeclared: [],
      unknown: [],
    });
  });

  it('declares the costs of a family and a person ECONOMY', () => {
    expect(DATA_CATEGORIES['Family.costs']).toBe('ECONOMY');
    expect(DATA_CATEGORIES['Person.monthlyBenefitCost']).toBe('ECONOMY');
    expect(DATA_CATEGORIES['CostEntry.amount']).toBe('ECONOMY');
  });
});
