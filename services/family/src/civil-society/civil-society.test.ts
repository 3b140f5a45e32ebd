import { UserInputError, UserInputErrors } from '@helhed/errors';
import type { MemberFacts } from '../consent/member-facts';
import { validateParticipation, validateParticipationEnd, validatePartner } from './civil-society';

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
const person: MemberFacts = { id: 'p1', familyId: 'f1', role: 'CHILD', birthDate: '2014-04-04', removedOn: null };
const partner = { id: 'club' };
const activity = { personId: 'p1', partnerId: 'club', activity: 'Football', start: '2026-09-01', hoursPerWeek: 3 };

describe('validatePartner', () => {
  it('trims the name and leaves out an empty contact', () => {
    expect(validatePartner({ name: ' Vejle Boldklub ', kind: 'SPORTS_CLUB', contact: ' ' })).toEqual({
      name: 'Vejle Boldklub',
      kind: 'SPORTS_CLUB',
      contact: null,
    });
  });
  it('refuses an empty name, an unknown kind and a long contact', () => {
    expect(fieldsOf(() => validatePartner({ name: '', kind: 'PUB' as never, contact: 'x'.repeat(501) }))).toEqual([
      'input.name',
      'input.kind',
      'input.contact',
    ]);
  });
});

describe('validateParticipation', () => {
  it('accepts an activity of 0-60 hours a week, kept to one decimal', () => {
    expect(validateParticipation({ ...activity, hoursPerWeek: 2.54 }, person, partner)).toMatchObject({
      familyId: 'f1',
      startDate: '2026-09-01',
      endDate: null,
      hoursPerWeek: 2.5,
    });
    expect(validateParticipation({ ...activity, hoursPerWeek: 0 }, person, partner).hoursPerWeek).toBe(0);
    expect(validateParticipation({ ...activity, hoursPerWeek: 60 }, person, partner).hoursPerWeek).toBe(60);
  });

  it('refuses an end before the start, hours outside 0-60, and unknown member or partner', () => {
    expect(
      fieldsOf(() => validateParticipation({ ...activity, end: '2026-08-31', hoursPerWeek: 61 }, person, partner)),
    ).toEqual(['input.end', 'input.hoursPerWeek']);
    expect(fieldsOf(() => validateParticipation({ ...activity, hoursPerWeek: -1, activity: ' ' }, null, null))).toEqual(
      ['input.personId', 'input.partnerId', 'input.activity', 'input.hoursPerWeek'],
    );
  });
});

describe('validateParticipationEnd', () => {
  it('ends once, not before the start', () => {
    const current = { startDate: '2026-09-01', endDate: null };
    expect(validateParticipationEnd(current, { participationId: 'a', end: '2026-09-01' })).toEqual({
      endDate: '2026-09-01',
    });
    expect(fieldsOf(() => validateParticipationEnd(current, { participationId: 'a', end: '2026-08-31' }))).toEqual([
      'input.end',
    ]);
    expect(
      fieldsOf(() =>
        validateParticipationEnd({ ...current, endDate: '2026-10-01' }, { participationId: 'a', end: '2026-11-01' }),
      ),
    ).toEqual(['input.participationId']);
  });
});
