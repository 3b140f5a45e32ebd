import { decideRead, type ReadFacts } from './policy';
import type { Identity } from './identity';

const caseworker = (department: Identity['department'], roles: Identity['roles'] = ['CASEWORKER']): Identity => ({
  userId: 'cw-1',
  municipality: '630',
  department,
  roles,
});
const facts = (over: Partial<ReadFacts>): ReadFacts => ({
  category: 'BASIC',
  municipality: '630',
  onTeam: true,
  sharingAllowed: false,
  ...over,
});

describe('decideRead: the one policy', () => {
  const table: Array<[string, Identity, Partial<ReadFacts>, boolean]> = [
    ['team member, BASIC', caseworker('JOBCENTER'), {}, true],
    ['team member, the plan', caseworker('HEALTH'), { category: 'PLAN' }, true],
    ['team member, own department', caseworker('JOBCENTER'), { category: 'EMPLOYMENT' }, true],
    ['team member, other department without consent', caseworker('FAMILY'), { category: 'EMPLOYMENT' }, false],
    [
      'team member, other department on consent',
      caseworker('FAMILY'),
      { category: 'EMPLOYMENT', sharingAllowed: true },
      true,
    ],
    ['not on the team, BASIC', caseworker('FAMILY'), { onTeam: false }, false],
    ['economy, cost basis, off the team', caseworker('ECONOMY'), { category: 'COST_BASIS', onTeam: false }, true],
    [
      'project lead of the family, cost basis',
      caseworker('FAMILY', ['PROJECT_LEAD']),
      { category: 'COST_BASIS', onTeam: false, isProjectLeadOfFamily: true },
      true,
    ],
    [
      "project lead of another project, cost basis (as the subgraph's own category)",
      caseworker('FAMILY', ['PROJECT_LEAD']),
      { category: 'COST_BASIS', onTeam: false, isProjectLeadOfFamily: false, ownCategory: 'EMPLOYMENT' },
      false,
    ],
    [
      'family caseworker on the team, cost basis without consent (as EMPLOYMENT)',
      caseworker('FAMILY'),
      { category: 'COST_BASIS', ownCategory: 'EMPLOYMENT' },
      false,
    ],
    [
      'jobcenter on the team, cost basis',
      caseworker('JOBCENTER'),
      { category: 'COST_BASIS', ownCategory: 'EMPLOYMENT' },
      true,
    ],
    [
      'economy, cost basis, other municipality',
      caseworker('ECONOMY'),
      { category: 'COST_BASIS', municipality: '101' },
      false,
    ],
    [
      'project lead of another project, cost basis',
      caseworker('FAMILY', ['PROJECT_LEAD']),
      { category: 'COST_BASIS', onTeam: false, isProjectLeadOfFamily: false },
      false,
    ],
    ['economy, ECONOMY, off the team', caseworker('ECONOMY'), { category: 'ECONOMY', onTeam: false }, false],
    [
      'project lead of the family, ECONOMY',
      caseworker('FAMILY', ['PROJECT_LEAD']),
      { category: 'ECONOMY', onTeam: false, isProjectLeadOfFamily: true },
      false,
    ],
    [
      'project lead of another project, ECONOMY',
      caseworker('FAMILY', ['PROJECT_LEAD']),
      { category: 'ECONOMY', onTeam: false, isProjectLeadOfFamily: false },
      false,
    ],
    ['team member, ECONOMY without consent', caseworker('FAMILY'), { category: 'ECONOMY' }, false],
    ['team member, ECONOMY on consent', caseworker('FAMILY'), { category: 'ECONOMY', sharingAllowed: true }, true],
    ['reminder worker, ECONOMY', caseworker('ECONOMY', ['SERVICE']), { category: 'ECONOMY' }, false],
    ['health, HEALTH, off the team', caseworker('HEALTH'), { category: 'HEALTH', onTeam: false }, false],
    [
      "health, health's indicators, off the team",
      caseworker('HEALTH'),
      { category: 'INDICATOR', ownCategory: 'HEALTH', onTeam: false },
      false,
    ],
    [
      "health, employment's indicators, off the team",
      caseworker('HEALTH'),
      { category: 'INDICATOR', ownCategory: 'EMPLOYMENT', onTeam: false },
      false,
    ],
    ['health, SOCIAL, off the team', caseworker('HEALTH'), { category: 'SOCIAL', onTeam: false }, false],
    ['health, HEALTH, other municipality', caseworker('HEALTH'), { category: 'HEALTH', municipality: '101' }, false],
    ['not on the team, own department', caseworker('JOBCENTER'), { onTeam: false, category: 'EMPLOYMENT' }, false],
    ['another municipality', caseworker('FAMILY'), { municipality: '101' }, false],
    ['national monitor', caseworker('FAMILY', ['NATIONAL_MONITOR']), {}, false],
    ['reminder worker, BASIC', caseworker('FAMILY', ['SERVICE']), { onTeam: false }, true],
    ['reminder worker, SOCIAL', caseworker('FAMILY', ['SERVICE']), { onTeam: false, category: 'SOCIAL' }, false],
    [
      'project lead of the family, the plan',
      caseworker('FAMILY', ['PROJECT_LEAD']),
      { onTeam: false, category: 'PLAN', isProjectLeadOfFamily: true },
      true,
    ],
    [
      'project lead of the family, HEALTH',
      caseworker('FAMILY', ['PROJECT_LEAD']),
      { onTeam: false, category: 'HEALTH', isProjectLeadOfFamily: true, sharingAllowed: true },
      false,
    ],
    [
      'project lead of another project',
      caseworker('FAMILY', ['PROJECT_LEAD']),
      { onTeam: false, isProjectLeadOfFamily: false },
      false,
    ],
    ['administrator, BASIC', caseworker('FAMILY', ['ADMIN']), { onTeam: false }, true],
    ['administrator, SOCIAL', caseworker('FAMILY', ['ADMIN']), { onTeam: false, category: 'SOCIAL' }, false],
  ];

  it.each(table)('%s', (_, identity, over, allowed) => {
    expect(decideRead(identity, facts(over)).allowed).toBe(allowed);
  });

  it('refuses an unauthenticated caller', () => {
    expect(decideRead(undefined, facts({}))).toEqual({ allowed: false, reason: 'Not signed in' });
  });
});
