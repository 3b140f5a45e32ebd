import { DATA_CATEGORIES, authorize } from './access';
import { Identity } from './identity';

const jobcenter: Identity = { userId: 'u1', municipality: '630', department: 'JOBCENTER', roles: ['CASEWORKER'] };

describe('authorize', () => {
  it('lets a department of the same municipality read basic and employment data', () => {
    expect(() =>
      authorize(jobcenter, { municipality: '630', category: 'BASIC', operation: 'read', what: 'x' }),
    ).not.toThrow();
    expect(() =>
      authorize(jobcenter, { municipality: '630', category: 'EMPLOYMENT', operation: 'write', what: 'x' }),
    ).not.toThrow();
  });

  it('refuses another municipality', () => {
    expect(() =>
      authorize(jobcenter, { municipality: '101', category: 'BASIC', operation: 'read', what: 'A family' }),
    ).toThrow('A family belongs to another municipality');
  });

  it('refuses writes from a department that does not own the category', () => {
    expect(() =>
      authorize(jobcenter, { municipality: '630', category: 'HEALTH', operation: 'write', what: 'x' }),
    ).toThrow(/Only the HEALTH department/);
  });

  it('keeps health details with the health department', () => {
    expect(() =>
      authorize(jobcenter, { municipality: '630', category: 'HEALTH', operation: 'read', what: 'x' }),
    ).toThrow(/HEALTH department only/);
    expect(() =>
      authorize(
        { ...jobcenter, department: 'HEALTH' },
        { municipality: '630', category: 'HEALTH', operation: 'read', what: 'x' },
      ),
    ).not.toThrow();
  });

  it('lets another department read the limited health view the health subgraph decided, in its own municipality only', () => {
    const summary = { municipality: '630', category: 'HEALTH', operation: 'read', what: 'x' } as const;
    expect(() => authorize(jobcenter, { ...summary, limitedHealthView: 'TEAM_SUMMARY' })).not.toThrow();
    expect(() => authorize(jobcenter, { ...summary, limitedHealthView: 'EXISTENCE' })).not.toThrow();
    expect(() => authorize(jobcenter, { ...summary, municipality: '101', limitedHealthView: 'EXISTENCE' })).toThrow(
      /another municipality/,
    );
    expect(() =>
      authorize({ ...jobcenter, roles: ['NATIONAL_MONITOR'] }, { ...summary, limitedHealthView: 'EXISTENCE' }),
    ).toThrow(/aggregates only/);
  });

  it('gives national monitors no person data', () => {
    expect(() =>
      authorize(
        { ...jobcenter, roles: ['NATIONAL_MONITOR'] },
        { municipality: '630', category: 'BASIC', operation: 'read', what: 'x' },
      ),
    ).toThrow(/aggregates only/);
  });

  it('refuses a missing identity', () => {
    expect(() =>
      authorize(undefined, { municipality: '630', category: 'BASIC', operation: 'read', what: 'x' }),
    ).toThrow(/gateway/);
  });

  it('refuses the service identity every category of a person, but not a service that is also a caseworker', () => {
    const service: Identity = { userId: 'reminders', municipality: '630', department: 'FAMILY', roles: ['SERVICE'] };
    for (const category of DATA_CATEGORIES)
      expect(() => authorize(service, { municipality: '630', category, operation: 'read', what: 'x' })).toThrow(
        /service identity reads no person's data/,
      );
    expect(() =>
      authorize(
        { ...service, roles: ['SERVICE', 'CASEWORKER'] },
        { municipality: '630', category: 'BASIC', operation: 'read', what: 'x' },
      ),
    ).not.toThrow();
  });
});
