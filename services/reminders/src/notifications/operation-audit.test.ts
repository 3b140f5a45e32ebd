import { checkOperationAudit, subgraphSchemaOf } from '@helhed/server';
import { REMINDERS_SERVICE_DIR } from './notifications-service';
import { OPERATION_AUDIT } from './operation-audit';

describe('the operation audit of the notifications subgraph', () => {
  it('declares every mutation (runReminders included), and no field that is gone', () => {
    // The subgraph has no personal data category: every field is NOT_PERSONAL, so only mutations must be declared.
    expect(checkOperationAudit(subgraphSchemaOf(REMINDERS_SERVICE_DIR), {}, OPERATION_AUDIT)).toEqual({
      undeclared: [],
      unknown: [],
      inconsistent: [],
    });
    expect(OPERATION_AUDIT['Mutation.runReminders']).toBe('NOT_PERSONAL');
  });
});
