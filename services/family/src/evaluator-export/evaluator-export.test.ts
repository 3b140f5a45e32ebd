import { authorizeEvaluatorDataset, type Identity } from '@helhed/identity';
import { datasetRows, memberInMonth, validateRange } from './evaluator-export';
import { monthRange, newProjectKey, pseudonym } from './pseudonym';

const who = (roles: string[], municipality = '630') =>
  ({ userId: 'u', municipality, department: 'FAMILY', roles }) as Identity;

describe('pseudonyms', () => {
  it('are stable with one key, different with another, and differ between a person and a family', () => {
    const a = newProjectKey();
    const b = newProjectKey();
    const id = '0b5c3c1e-6a4f-4a8e-9d0b-2f1f0e9a7c11';
    expect(pseudonym(a, 'person', id)).toBe(pseudonym(a, 'person', id.toUpperCase()));
    expect(pseudonym(a, 'person', id)).toMatch(/^[0-9a-f]{64}$/);
    expect(pseudonym(b, 'person', id)).not.toBe(pseudonym(a, 'person', id));
    expect(pseudonym(a, 'family', id)).not.toBe(pseudonym(a, 'person', id));
  });
});

describe('who exports', () => {
  it("a project lead of the project's municipality and a national monitor; nobody else", () => {
    expect(() => authorizeEvaluatorDataset(who(['PROJECT_LEAD']), ['630'])).not.toThrow();
    expect(() => authorizeEvaluatorDataset(who(['NATIONAL_MONITOR'], '000'), ['630'])).not.toThrow();
    expect(() => authorizeEvaluatorDataset(who(['PROJECT_LEAD'], '851'), ['630'])).toThrow(
      /project leads and national monitors/,
    );
    for (const roles of [['CASEWORKER'], ['ADMIN'], ['SERVICE']])
      expect(() => authorizeEvaluatorDataset(who(roles), ['630'])).toThrow(/project leads and national monitors/);
  });
});

describe('the month range', () => {
  it('runs across a year end and refuses the future, a reversed range and more than 36 months', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(validateRange('2026-01', '2026-03', '2026-11-22')).toHaveLength(3);
    expect(() => validateRange('2026-01', '2026-12', '2026-11-22')).toThrow(/future/);
    expect(() => validateRange('2026-03', '2026-01', '2026-11-22')).toThrow(/starts after/);
    expect(() => validateRange('2023-01', '2026-01', '2026-11-22')).toThrow(/36 months/);
    expect(() => validateRange('2026-13', '2026-01', '2026-11-22')).toThrow(/YYYY-MM/);
  });
});

it('rows carry birth year, sex, role and every department, never the ids', () => {
  const key = newProjectKey();
  const subject = {
    personId: 'aaaaaaaa-0000-4000-8000-000000000001',
    familyId: 'bbbbbbbb-0000-4000-8000-000000000002',
    month: '2026-05',
    municipalityCode: '630',
    birthDate: '1988-05-12',
    sex: 'FEMALE',
    role: 'PARENT',
  };
  const family = { indicator: 'VUM_NETWORK', department: 'FAMILY', higherIsBetter: false, value: 2 };
  const work = { indicator: 'IN_WORK', department: 'JOBCENTER', higherIsBetter: true, value: 1 };
  const [row] = datasetRows(key, [subject], new Map([[`${subject.personId}|2026-05`, [family]]]), [
    [{ personId: subject.personId, month: '2026-05', indicators: [work] }],
    [],
  ]);
  expect(row).toEqual({
    pseudonym: pseudonym(key, 'person', subject.personId),
    familyPseudonym: pseudonym(key, 'family', subject.familyId),
    birthYear: 1988,
    sex: 'FEMALE',
    role: 'PARENT',
    month: '2026-05',
    indicators: [family, work],
  });
  expect(JSON.stringify(row)).not.toMatch(/aaaaaaaa|bbbbbbbb|1988-05-12/);
});

describe('who is in a month', () => {
  it('a current member always; a former member up to and including the month they left in', () => {
    expect(memberInMonth({ removedOn: null }, '2026-03-01')).toBe(true);
    expect(memberInMonth({ removedOn: '2026-05-15' }, '2026-05-01')).toBe(true);
    expect(memberInMonth({ removedOn: '2026-05-01' }, '2026-05-01')).toBe(true);
    expect(memberInMonth({ removedOn: '2026-04-30' }, '2026-05-01')).toBe(false);
  });
});
