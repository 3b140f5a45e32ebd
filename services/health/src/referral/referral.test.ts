import { UserInputError, UserInputErrors } from '@helhed/errors';
import { planReferralUpdate, validateReferral, waitingDays, type ReferralCourse } from './referral';

const PERSON = '6f1c1d4e-2f8a-4c4b-9a51-3b0c6d9e7a10';
const today = '2026-11-22';
const sent: ReferralCourse = {
  sentOn: '2026-09-01',
  acceptedOn: null,
  firstAppointmentOn: null,
  closedOn: null,
  closeReason: null,
};

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserInputErrors) return error.problems.map((p) => p.field);
    if (error instanceof UserInputError) return [error.field];
    throw error;
  }
  return [];
};

describe('validateReferral', () => {
  it('accepts a referral sent today, trimming the note', () => {
    expect(validateReferral({ personId: PERSON, to: 'GP', sentOn: today, note: '  ' }, today)).toEqual({
      personId: PERSON,
      referredTo: 'GP',
      sentOn: today,
      note: null,
    });
  });

  it('refuses a referral sent in the future or a person id that is no UUID', () => {
    expect(fieldsOf(() => validateReferral({ personId: 'x', to: 'GP', sentOn: '2026-11-23' }, today))).toEqual([
      'input.personId',
      'input.sentOn',
    ]);
  });
});

describe('planReferralUpdate', () => {
  it('records acceptance, first appointment (booked ahead) and keeps what is left out', () => {
    const accepted = planReferralUpdate(sent, { referralId: 'r', acceptedOn: '2026-09-10' }, today);
    const booked = planReferralUpdate(accepted, { referralId: 'r', firstAppointmentOn: '2026-12-01' }, today);
    expect(booked).toEqual({ ...sent, acceptedOn: '2026-09-10', firstAppointmentOn: '2026-12-01' });
  });

  it('refuses a referral closed before it was sent, and a date the day before sending', () => {
    expect(fieldsOf(() => planReferralUpdate(sent, { referralId: 'r', closedOn: '2026-08-31' }, today))).toEqual([
      'input.closedOn',
    ]);
    expect(
      fieldsOf(() =>
        planReferralUpdate(sent, { referralId: 'r', acceptedOn: '2026-08-31', closedOn: '2026-09-01' }, today),
      ),
    ).toEqual(['input.acceptedOn']);
  });

  it('refuses acceptance or closing in the future, and a close reason without a closing day', () => {
    expect(
      fieldsOf(() =>
        planReferralUpdate(sent, { referralId: 'r', acceptedOn: '2026-11-23', closeReason: 'Moved away' }, today),
      ),
    ).toEqual(['input.acceptedOn', 'input.closeReason']);
  });
});

describe('waitingDays', () => {
  it('counts to the first appointment', () => {
    expect(waitingDays({ ...sent, firstAppointmentOn: '2026-10-01' }, today)).toBe(30);
  });
  it('counts to today while waiting', () => {
    expect(waitingDays(sent, today)).toBe(82);
    expect(waitingDays({ ...sent, sentOn: today }, today)).toBe(0);
  });
  it('counts to the closing day when closed without an appointment', () => {
    expect(waitingDays({ ...sent, closedOn: '2026-09-11' }, today)).toBe(10);
  });
});
