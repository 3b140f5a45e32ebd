import type { Identity } from '@helhed/identity';
import { DATA_CATEGORIES } from '../data-categories';
import { actsAsTeam, isIntakeCaseworker } from './intake';
import { decideChange, FAMILY_CHANGES, NOT_A_FAMILY_CHANGE, type ChangeKind } from './team-gate';

const caller = (roles: Identity['roles'] = ['CASEWORKER'], userId = 'cw-1'): Identity => ({
  userId,
  municipality: '630',
  department: 'FAMILY',
  roles,
});

describe('the team gate', () => {
  it('names every mutation of a declared category except the ones that change no existing family', () => {
    const declared = Object.entries(DATA_CATEGORIES)
      .filter(([key, category]) => key.startsWith('Mutation.') && category !== 'NOT_PERSONAL')
      .map(([key]) => key.slice('Mutation.'.length))
      .filter((name) => !NOT_A_FAMILY_CHANGE.has(name))
      .sort();
    expect(Object.keys(FAMILY_CHANGES).sort()).toEqual(declared);
  });

  const table: Array<[string, Identity, ChangeKind, boolean, boolean]> = [
    ['a team member changes the family', caller(), 'FAMILY', true, true],
    ['a caseworker off the team', caller(), 'FAMILY', false, false],
    ['an administrator off the team changes the family', caller(['ADMIN']), 'FAMILY', false, false],
    ['an administrator off the team manages the team', caller(['ADMIN']), 'TEAM', false, true],
    ['a caseworker off the team manages the team', caller(), 'TEAM', false, false],
    ['a project lead off the team enrols the family', caller(['PROJECT_LEAD']), 'ENROLMENT', false, true],
    ['a project lead off the team changes the family', caller(['PROJECT_LEAD']), 'FAMILY', false, false],
    ['a caseworker off the team enrols the family', caller(), 'ENROLMENT', false, false],
  ];
  it.each(table)('%s', (_name, identity, kind, onTeam, allowed) => {
    expect(decideChange(identity, { kind, onTeam }).allowed).toBe(allowed);
  });
});

describe('the intake caseworker', () => {
  const family = { createdBy: 'cw-1' };
  const member = (caseworkerId: string, department: string, to: string | null = null) => ({
    caseworkerId,
    department,
    from: '2026-01-01',
    to,
  });

  it('is the caseworker who opened the case, until the family department names its caseworker', () => {
    expect(isIntakeCaseworker(caller(), family, [])).toBe(true);
    expect(isIntakeCaseworker(caller(), family, [member('cw-2', 'JOBCENTER')])).toBe(true);
    expect(isIntakeCaseworker(caller(), family, [member('cw-2', 'FAMILY')])).toBe(false);
    // An ended family-department membership ends the intake for good.
    expect(isIntakeCaseworker(caller(), family, [member('cw-2', 'FAMILY', '2026-02-01')])).toBe(false);
    expect(isIntakeCaseworker(caller(['CASEWORKER'], 'cw-3'), family, [])).toBe(false);
  });

  it('counts as on the team, as does a membership today', () => {
    expect(actsAsTeam(caller(['CASEWORKER'], 'cw-2'), family, [member('cw-2', 'FAMILY')], '2026-03-01')).toBe(true);
    expect(
      actsAsTeam(caller(['CASEWORKER'], 'cw-2'), family, [member('cw-2', 'FAMILY', '2026-02-01')], '2026-03-01'),
    ).toBe(false);
    expect(actsAsTeam(caller(), family, [member('cw-2', 'FAMILY')], '2026-03-01')).toBe(false);
  });
});
