import { SDQ_ITEMS, SDQ_REVERSED, sdqScales, subscalesFromItems } from './sdq';
import { registrationDeadline, ageAtEndOfMonth, projectOfMonth, onTime } from './registration-deadline';
import { missingParts } from './person-month';

describe('SDQ scoring by item number', () => {
  it('maps the 25 items onto the five subscales once each', () => {
    const all = Object.values(SDQ_ITEMS)
      .flat()
      .sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect([...SDQ_REVERSED].sort((a, b) => a - b)).toEqual([7, 11, 14, 21, 25]);
  });

  it('reverse-scores items 7, 11, 14, 21 and 25', () => {
    const all = (answer: number) => Array.from({ length: 25 }, (_, i) => ({ item: i + 1, answer }));
    const zero = subscalesFromItems(all(0));
    expect(zero.CONDUCT.score).toBe(2); // item 7
    expect(zero.PEER.score).toBe(4); // items 11, 14
    expect(zero.HYPERACTIVITY.score).toBe(4); // items 21, 25
    expect(zero.EMOTIONAL.score).toBe(0);
    expect(zero.PROSOCIAL.score).toBe(0);
  });

  it('prorates 3 or 4 answered items as round(mean × 5) and leaves fewer missing', () => {
    const emotional = (answers: number[]) =>
      subscalesFromItems(answers.map((answer, i) => ({ item: SDQ_ITEMS.EMOTIONAL[i]!, answer }))).EMOTIONAL;
    expect(emotional([1, 1, 1, 1, 1])).toEqual({ score: 5, prorated: false });
    expect(emotional([2, 2, 1, 0])).toEqual({ score: 6, prorated: true }); // 1.25 × 5 = 6.25
    expect(emotional([1, 0, 0, 1])).toEqual({ score: 3, prorated: true }); // 0.5 × 5 = 2.5 → 3
    expect(emotional([2, 1, 0])).toEqual({ score: 5, prorated: true });
    expect(emotional([2, 2])).toEqual({ score: null, prorated: false });
  });

  it('sums total difficulties, externalising and internalising only when their parts are there', () => {
    expect(sdqScales({ EMOTIONAL: 1, CONDUCT: 2, HYPERACTIVITY: 3, PEER: 4, PROSOCIAL: 9 })).toMatchObject({
      TOTAL_DIFFICULTIES: 10,
      EXTERNALISING: 5,
      INTERNALISING: 5,
    });
    expect(sdqScales({ EMOTIONAL: null, CONDUCT: 2, HYPERACTIVITY: 3, PEER: 4, PROSOCIAL: 9 })).toMatchObject({
      TOTAL_DIFFICULTIES: null,
      EXTERNALISING: 5,
      INTERNALISING: null,
    });
  });
});

describe('the registration deadline', () => {
  it('is the n-th Danish business day of the next month', () => {
    expect(registrationDeadline('2026-03')).toBe('2026-04-10'); // Easter: 2, 3 and 6 April
    expect(registrationDeadline('2026-12')).toBe('2027-01-08'); // New Year's Day, then a weekend
    expect(registrationDeadline('2026-03', 1)).toBe('2026-04-01');
  });

  it('takes the project running in the month, the latest started first', () => {
    const projects = [
      { id: 'a', startsOn: '2025-01-01', endsOn: '2026-12-31' },
      { id: 'b', startsOn: '2026-03-15', endsOn: '2027-12-31' },
    ];
    expect(projectOfMonth(projects, '2026-02')?.id).toBe('a');
    expect(projectOfMonth(projects, '2026-03')?.id).toBe('b');
    expect(projectOfMonth(projects, '2028-01')).toBeNull();
  });

  it('counts a registration on time until midnight Danish time', () => {
    expect(onTime(new Date('2026-04-10T21:59:59Z'), '2026-04-10')).toBe(true);
    expect(onTime(new Date('2026-04-10T22:00:00Z'), '2026-04-10')).toBe(false);
  });

  it('gives the age at the end of the month', () => {
    expect(ageAtEndOfMonth('2013-03-31', '2026-03')).toBe(13);
    expect(ageAtEndOfMonth('2013-04-01', '2026-03')).toBe(12);
  });
});

describe('missing parts', () => {
  it('lists the parts that apply and are not done, family first', () => {
    const done = { applies: true, done: true };
    const open = { applies: true, done: false };
    const none = { applies: false, done: false };
    expect(missingParts(open, open, open)).toEqual(['FAMILY', 'JOBCENTER', 'HEALTH']);
    expect(missingParts(done, none, open)).toEqual(['HEALTH']);
    expect(missingParts(done, done, none)).toEqual([]);
  });
});
