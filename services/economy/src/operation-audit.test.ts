import { checkOperationAudit, subgraphSchemaOf } from '@helhed/server';
import { DATA_CATEGORIES } from './data-categories';
import { OPERATION_AUDIT } from './operation-audit';
import { ECONOMY_SERVICE_DIR } from './service';

describe('the operation audit of the economy subgraph', () => {
  it('declares how every mutation and every personal query is audited, and no field that is gone', () => {
    expect(checkOperationAudit(subgraphSchemaOf(ECONOMY_SERVICE_DIR), DATA_CATEGORIES, OPERATION_AUDIT)).toEqual({
      undeclared: [],
      unknown: [],
      inconsistent: [],
    });
  });
});
