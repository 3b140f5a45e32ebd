import { UserInputError, UserInputErrors } from '@helhed/errors';
import { ageOn, checkLeisureJobPerson, leisureJobHeld, planLeisureJobEnd, validateLeisureJob } from './leisure-job';

const personId = '0b6f1f5e-8a4c-4f0e-9a51-2f3c1d7e9b10';
const companyId = '1b6f1f5e-8a4c-4f0e-9a51-2f3c1d7e9b11';
const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserInputErrors) return e.problems.map((p) => p.field);
    if (e instanceof UserInputError) return [e.field];
    throw e;
  }
  return [];
};
const job = (startedOn: string, over: Record<string, unknown> = {}) =>
  validateLeisureJob({ personId, employerCompanyId: companyId, hoursPerWeek: 8, startedOn, ...over });

describe('leisure job rules', () => {
  const child = { birthDate: '2012-05-10', role: 'CHILD' as const };

  it('allows a child from the 13th birthday, not the day before', () => {
    expect(ageOn('2012-05-10', '2025-05-10')).toBe(13);
    expect(ageOn('2012-05-10', '2025-05-09')).toBe(12);
    expect(() => checkLeisureJobPerson(job('2025-05-10'), child)).not.toThrow();
    expect(fieldsOf(() => checkLeisureJobPerson(job('2025-05-09'), child))).toEqual(['input.startedOn']);
  });

  it('is for children only, 0-20 hours, ending after it started', () => {
    expect(
      fieldsOf(() => checkLeisureJobPerson(job('2026-01-01'), { birthDate: '1980-01-01', role: 'PARENT' })),
    ).toEqual(['input.personId']);
    expect(fieldsOf(() => job('2026-01-01', { hoursPerWeek: 20.5, endedOn: '2025-12-31' }))).toEqual([
      'input.hoursPerWeek',
      'input.endedOn',
    ]);
    expect(job('2026-01-01', { hoursPerWeek: 20 }).hoursPerWeek).toBe(20);
    expect(
      fieldsOf(() =>
        planLeisureJobEnd({ startedOn: '2026-01-01', endedOn: null }, { leisureJobId: 'x', endedOn: '2025-12-31' }),
      ),
    ).toEqual(['input.endedOn']);
    expect(
      fieldsOf(() =>
        planLeisureJobEnd(
          { startedOn: '2026-01-01', endedOn: '2026-02-01' },
          { leisureJobId: 'x', endedOn: '2026-03-01' },
        ),
      ),
    ).toEqual(['input.leisureJobId']);
  });

  describe('held: still employed 3 months after the start', () => {
    const start = '2026-01-15';
    it('is not known, and false, the day before the 3 months have passed', () => {
      expect(leisureJobHeld({ startedOn: start, endedOn: null }, '2026-04-14')).toEqual({
        held: false,
        known: false,
        heldFrom: '2026-04-15',
      });
    });
    it('is held on the day the 3 months have passed, when the job is ongoing or ends that day or later', () => {
      expect(leisureJobHeld({ startedOn: start, endedOn: null }, '2026-04-15')).toMatchObject({
        held: true,
        known: true,
      });
      expect(leisureJobHeld({ startedOn: start, endedOn: '2026-04-15' }, '2026-12-01')).toMatchObject({
        held: true,
        known: true,
      });
    });
    it('is not held when the job ended the day before; that is known at once', () => {
      expect(leisureJobHeld({ startedOn: start, endedOn: '2026-04-14' }, '2026-02-01')).toMatchObject({
        held: false,
        known: true,
      });
    });
    it('counts months by the calendar (31 January + 3 months = 30 April)', () => {
      expect(leisureJobHeld({ startedOn: '2026-01-31', endedOn: null }, '2026-04-30')).toMatchObject({ held: true });
      expect(leisureJobHeld({ startedOn: '2026-01-31', endedOn: null }, '2026-04-29')).toMatchObject({ held: false });
    });
  });
});
