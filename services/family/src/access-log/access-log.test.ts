import type { AuditEntry } from '@helhed/audit';
import { accessLogCsv, accessLogPeriodProblem, mergeAccessLog } from './access-log';

const entry = (at: string, over: Partial<AuditEntry> = {}): AuditEntry => ({
  at,
  userId: 'u1',
  roles: ['CASEWORKER'],
  department: 'FAMILY',
  category: 'BASIC',
  operation: 'READ',
  fieldPaths: ['person.firstName'],
  purpose: null,
  criterion: null,
  requestId: 'r1',
  ...over,
});

describe("a person's access log", () => {
  it('merges the subgraphs’ rows oldest first and names the caseworkers it knows', () => {
    const merged = mergeAccessLog(
      [
        { source: 'family', entries: [entry('2026-03-01T10:00:00.000000Z'), entry('2026-03-03T10:00:00.000000Z')] },
        {
          source: 'employment',
          entries: [entry('2026-03-02T09:00:00.000000Z', { userId: 'u2', category: 'EMPLOYMENT' })],
        },
        { source: 'health', entries: [] },
      ],
      new Map([['u1', 'Fie Familie']]),
    );
    expect(merged.map((e) => [e.at.slice(0, 10), e.source, e.caseworkerName])).toEqual([
      ['2026-03-01', 'family', 'Fie Familie'],
      ['2026-03-02', 'employment', null],
      ['2026-03-03', 'family', 'Fie Familie'],
    ]);
  });

  it('writes CSV with a header, quoting, space-separated lists and no formula injection', () => {
    const [e] = mergeAccessLog(
      [
        {
          source: 'family',
          entries: [
            entry('2026-03-01T10:00:00.000000Z', {
              fieldPaths: ['a.b', 'c'],
              purpose: '=HYPERLINK("x")',
              criterion: 'familyByCaseReference(caseReference: "VEJ-1, 2")',
            }),
          ],
        },
      ],
      new Map([['u1', 'Fie Familie']]),
    );
    expect(accessLogCsv([e!]).split('\r\n')).toEqual([
      'at,source,userId,caseworkerName,department,roles,category,operation,fieldPaths,purpose,criterion,requestId',
      '2026-03-01T10:00:00.000000Z,family,u1,Fie Familie,FAMILY,CASEWORKER,BASIC,READ,a.b c,' +
        `"'=HYPERLINK(""x"")","familyByCaseReference(caseReference: ""VEJ-1, 2"")",r1`,
      '',
    ]);
  });

  it('refuses a period that ends before it starts or is longer than 5 years', () => {
    expect(accessLogPeriodProblem('2026-01-01', '2026-12-31')).toBeNull();
    expect(accessLogPeriodProblem('2026-01-01', '2026-01-01')).toBeNull();
    expect(accessLogPeriodProblem('2026-02-01', '2026-01-31')).toEqual({
      field: 'to',
      message: 'The last day is before the first day',
    });
    expect(accessLogPeriodProblem('2020-01-01', '2026-01-01')?.field).toBe('to');
  });
});
