import { checkDataCategories, subgraphSchemaOf } from '@helhed/server';
import { DATA_CATEGORIES } from './data-categories';
import { HEALTH_SERVICE_DIR } from './service';

describe('the declared policy of the health subgraph', () => {
  it('declares a data category (or NOT_PERSONAL) for every field of the schema, and no field that is gone', () => {
    expect(checkDataCategories(subgraphSchemaOf(HEALTH_SERVICE_DIR), DATA_CATEGORIES)).toEqual({
      undeclared: [],
      unknown: [],
    });
  });
});
