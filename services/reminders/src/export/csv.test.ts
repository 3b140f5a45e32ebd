import { toCsv } from './csv';

const row = (over: Partial<Parameters<typeof toCsv>[0][number]> = {}) => ({
  pseudonym: 'p1',
  familyPseudonym: 'f1',
  birthYear: 1988,
  sex: 'FEMALE',
  role: 'PARENT',
  month: '2026-05',
  indicators: [],
  ...over,
});

it('writes a header and one line per person-month, indicator columns by department then name', () => {
  const csv = toCsv([
    row({
      indicators: [
        { indicator: 'WHO5_INDEX', department: 'HEALTH', value: 44 },
        { indicator: 'IN_WORK', department: 'JOBCENTER', value: 1 },
        { indicator: 'VUM_NETWORK', department: 'FAMILY', value: 2 },
        { indicator: 'VUM_HEALTH', department: 'FAMILY', value: null },
      ],
    }),
    row({ pseudonym: 'p2', role: 'CHILD', birthYear: 2016, sex: 'MALE' }),
  ]);
  expect(csv.split('\r\n')).toEqual([
    'pseudonym,family_pseudonym,birth_year,sex,role,month,vum_health,vum_network,in_work,who5_index',
    'p1,f1,1988,FEMALE,PARENT,2026-05,,2,1,44',
    'p2,f1,2016,MALE,CHILD,2026-05,,,,',
    '',
  ]);
});

it('quotes a field with a comma or quote, and an empty dataset is the header alone', () => {
  expect(toCsv([row({ role: 'A,"B"' })]).split('\r\n')[1]).toBe('p1,f1,1988,FEMALE,"A,""B""",2026-05');
  expect(toCsv([])).toBe('pseudonym,family_pseudonym,birth_year,sex,role,month\r\n');
});
