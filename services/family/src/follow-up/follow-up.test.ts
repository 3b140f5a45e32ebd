import { fieldsOf } from '../plan/__tests__/problems';
import {
  nextFollowUpDue,
  targetOf,
  validateHeldFollowUp,
  validatePlannedFollowUp,
  type HeldFollowUpFacts,
} from './follow-up';

const GOAL_A = '55555555-5555-4555-8555-555555555555';
const GOAL_B = '66666666-6666-4666-8666-666666666666';
const CASEWORKER = '77777777-7777-4777-8777-777777777777';
const today = '2026-11-22';

const facts: HeldFollowUpFacts = {
  municipalityCode: '630',
  plan: { status: 'OPEN', startsOn: '2026-01-01' },
  activity: { status: 'ACTIVE', startsOn: '2026-03-01' },
  caseworkers: new Map([[CASEWORKER, { municipalityCode: '630', department: 'FAMILY' as const }]]),
  existing: null,
  goals: new Map([
    [GOAL_A, { status: 'NOT_STARTED' as const, lastChangedOn: null }],
    [GOAL_B, { status: 'PROGRESSING' as const, lastChangedOn: '2026-10-01' }],
  ]),
};

describe('nextFollowUpDue', () => {
  it('counts the cadence from the last held follow-up, or from the start', () => {
    const activity = { startsOn: '2026-03-01', followUpCadenceWeeks: 4, ended: false };
    expect(nextFollowUpDue(activity, null)).toBe('2026-03-29');
    expect(nextFollowUpDue(activity, '2026-05-10')).toBe('2026-06-07');
    expect(nextFollowUpDue({ ...activity, ended: true }, '2026-05-10')).toBeNull();
  });
});

describe('targetOf', () => {
  it('takes exactly one of the ids', () => {
    expect(targetOf({ activityId: 'a' })).toEqual({ kind: 'activity', id: 'a' });
    expect(fieldsOf(() => targetOf({}))).toEqual(['input.planId']);
    expect(fieldsOf(() => targetOf({ planId: 'p', activityId: 'a' }))).toEqual(['input.activityId']);
  });
});

describe('validatePlannedFollowUp', () => {
  it('refuses a date before the activity starts, a finished activity and unknown participants', () => {
    expect(
      fieldsOf(() =>
        validatePlannedFollowUp(
          { activityId: 'a', plannedOn: '2026-02-28', participantIds: ['nobody'], otherParticipants: [''] },
          { ...facts, activity: { status: 'CANCELLED', startsOn: '2026-03-01' } },
        ),
      ),
    ).toEqual(['input.activityId', 'input.plannedOn', 'input.participantIds[0]', 'input.otherParticipants[0]']);
  });

  it('refuses a plan follow-up before the plan starts', () => {
    expect(
      fieldsOf(() => validatePlannedFollowUp({ planId: 'p', plannedOn: '2025-12-31' }, { ...facts, activity: null })),
    ).toEqual(['input.plannedOn']);
  });
});

describe('validateHeldFollowUp', () => {
  const held = { activityId: 'a', heldOn: '2026-11-01', outcome: 'Going well', participantIds: [CASEWORKER] };

  it('records progress and sets the status of goals not judged later', () => {
    const valid = validateHeldFollowUp(
      {
        ...held,
        goalProgress: [
          { goalId: GOAL_A, status: 'PROGRESSING' },
          { goalId: GOAL_B, status: 'ACHIEVED', note: 'Reached' },
        ],
      },
      facts,
      today,
    );
    expect(valid.plannedOn).toBe('2026-11-01');
    expect(valid.goalStatuses.map((g) => [g.goalId, g.status])).toEqual([
      [GOAL_A, 'PROGRESSING'],
      [GOAL_B, 'ACHIEVED'],
    ]);
  });

  it('keeps a later judgement of a goal when an older follow-up is recorded', () => {
    const valid = validateHeldFollowUp(
      { ...held, heldOn: '2026-09-01', goalProgress: [{ goalId: GOAL_B, status: 'NOT_STARTED' }] },
      facts,
      today,
    );
    expect(valid.progress).toHaveLength(1);
    expect(valid.goalStatuses).toEqual([]);
  });

  it('refuses a held date before the activity starts or in the future, unknown goals and no outcome', () => {
    expect(
      fieldsOf(() =>
        validateHeldFollowUp(
          { ...held, heldOn: '2026-02-01', outcome: ' ', goalProgress: [{ goalId: 'x', status: 'ACHIEVED' }] },
          facts,
          today,
        ),
      ),
    ).toEqual(['input.heldOn', 'input.outcome', 'input.goalProgress[0].goalId']);
    expect(fieldsOf(() => validateHeldFollowUp({ ...held, heldOn: '2026-11-23' }, facts, today))).toEqual([
      'input.heldOn',
    ]);
  });

  it('completes a planned follow-up once, keeping its planned date and participants', () => {
    const existing = { plannedOn: '2026-10-20', heldOn: null };
    const valid = validateHeldFollowUp(
      { followUpId: 'f', heldOn: '2026-10-21', outcome: 'ok' },
      { ...facts, existing },
      today,
    );
    expect([valid.plannedOn, valid.participantIds, valid.otherParticipants]).toEqual(['2026-10-20', null, null]);
    expect(
      fieldsOf(() =>
        validateHeldFollowUp(
          { followUpId: 'f', plannedOn: '2026-10-01', heldOn: '2026-10-21', outcome: 'ok' },
          { ...facts, existing: { plannedOn: '2026-10-20', heldOn: '2026-10-20' } },
          today,
        ),
      ),
    ).toEqual(['input.followUpId', 'input.plannedOn']);
  });
});
