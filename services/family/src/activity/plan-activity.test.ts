import { fieldsOf } from '../plan/__tests__/problems';
import {
  validateActivityUpdate,
  validateNewActivity,
  validateStatusChange,
  type ActivityFacts,
  type AddPlanActivityInput,
  type ValidActivity,
} from './plan-activity';

const MOTHER = '11111111-1111-4111-8111-111111111111';
const CHILD = '22222222-2222-4222-8222-222222222222';
const STRANGER = '33333333-3333-4333-8333-333333333333';
const GOAL = '55555555-5555-4555-8555-555555555555';
const OTHER_GOAL = '66666666-6666-4666-8666-666666666666';
const CASEWORKER = '77777777-7777-4777-8777-777777777777';
const FAR_CASEWORKER = '88888888-8888-4888-8888-888888888888';

const facts: ActivityFacts = {
  municipalityCode: '630',
  planStatus: 'OPEN',
  memberIds: new Set([MOTHER, CHILD]),
  goalIds: new Set([GOAL]),
  caseworkers: new Map([
    [CASEWORKER, { municipalityCode: '630', department: 'JOBCENTER' as const }],
    [FAR_CASEWORKER, { municipalityCode: '101', department: 'JOBCENTER' as const }],
  ]),
};

const activity = (over: Partial<AddPlanActivityInput> = {}): AddPlanActivityInput => ({
  planId: 'p',
  department: 'JOBCENTER',
  sectorPlanKind: 'JOBPLAN',
  memberIds: [MOTHER],
  goalId: GOAL,
  offerDescription: 'Virksomhedspraktik i Netto, 15 timer',
  startsOn: '2026-03-01',
  endsOn: '2026-08-31',
  hoursPerWeek: 15,
  responsibleCaseworkerId: CASEWORKER,
  followUpCadenceWeeks: 4,
  ...over,
});

describe('validateNewActivity', () => {
  it('accepts hours with one decimal, the edges 0 and 60, and an open end', () => {
    expect(validateNewActivity(activity({ hoursPerWeek: 7.5 }), facts).hoursPerWeek).toBe(7.5);
    expect(fieldsOf(() => validateNewActivity(activity({ hoursPerWeek: 0, endsOn: null }), facts))).toEqual([]);
    expect(fieldsOf(() => validateNewActivity(activity({ hoursPerWeek: 60 }), facts))).toEqual([]);
  });

  it('refuses hours outside 0-60 and with two decimals', () => {
    for (const hoursPerWeek of [-0.5, 60.5, 7.25]) {
      expect(fieldsOf(() => validateNewActivity(activity({ hoursPerWeek }), facts))).toEqual(['input.hoursPerWeek']);
    }
  });

  it('reports every problem with its field path', () => {
    const fields = fieldsOf(() =>
      validateNewActivity(
        activity({
          department: 'HEALTH',
          memberIds: [MOTHER, STRANGER, MOTHER],
          goalId: OTHER_GOAL,
          offerDescription: '',
          startsOn: '2026-03-01',
          endsOn: '2026-02-28',
          responsibleCaseworkerId: FAR_CASEWORKER,
          followUpCadenceWeeks: 53,
        }),
        { ...facts, planStatus: 'CLOSED' },
      ),
    );
    expect(fields).toEqual([
      'input.planId',
      'input.sectorPlanKind',
      'input.memberIds[2]',
      'input.memberIds[1]',
      'input.goalId',
      'input.offerDescription',
      'input.endsOn',
      'input.responsibleCaseworkerId',
      'input.followUpCadenceWeeks',
    ]);
  });

  it('needs a member and a known caseworker', () => {
    expect(
      fieldsOf(() => validateNewActivity(activity({ memberIds: [], responsibleCaseworkerId: 'x' }), facts)),
    ).toEqual(['input.memberIds', 'input.responsibleCaseworkerId']);
  });

  it('lets any department make an uddannelsesplan or another activity', () => {
    expect(
      fieldsOf(() => validateNewActivity(activity({ department: 'FAMILY', sectorPlanKind: 'UDDANNELSESPLAN' }), facts)),
    ).toEqual([]);
  });
});

describe('validateActivityUpdate', () => {
  const current: ValidActivity & { status: 'ACTIVE' } = {
    department: 'JOBCENTER',
    sectorPlanKind: 'JOBPLAN',
    memberIds: [MOTHER],
    goalId: GOAL,
    offerDescription: 'Praktik',
    startsOn: '2026-03-01',
    endsOn: null,
    hoursPerWeek: 15,
    responsibleCaseworkerId: CASEWORKER,
    followUpCadenceWeeks: 4,
    status: 'ACTIVE',
  };

  it('merges: left out is kept, null clears goal and end', () => {
    const { activity: merged, reason } = validateActivityUpdate(
      { activityId: 'a', hoursPerWeek: 20, goalId: null, reason: 'Flere timer' },
      current,
      facts,
    );
    expect(merged).toEqual({ ...current, status: undefined, hoursPerWeek: 20, goalId: null } as unknown);
    expect(reason).toBe('Flere timer');
  });

  it('checks the merged activity with the rules of a new one', () => {
    expect(
      fieldsOf(() =>
        validateActivityUpdate({ activityId: 'a', endsOn: '2026-01-01', hoursPerWeek: 61 }, current, facts),
      ),
    ).toEqual(['input.endsOn', 'input.hoursPerWeek']);
  });

  it('refuses clearing what an activity must have, and changing a finished activity', () => {
    expect(
      fieldsOf(() =>
        validateActivityUpdate(
          { activityId: 'a', startsOn: null, memberIds: null },
          { ...current, status: 'COMPLETED' } as never,
          facts,
        ),
      ),
    ).toEqual(['input.activityId', 'input.memberIds', 'input.startsOn']);
  });
});

describe('validateStatusChange', () => {
  const today = '2026-11-22';

  it('moves PLANNED to ACTIVE once started, and ACTIVE to COMPLETED', () => {
    expect(
      validateStatusChange({ activityId: 'a', status: 'ACTIVE' }, { status: 'PLANNED', startsOn: today }, today),
    ).toEqual({
      status: 'ACTIVE',
      statusReason: null,
    });
    expect(
      fieldsOf(() =>
        validateStatusChange(
          { activityId: 'a', status: 'COMPLETED' },
          { status: 'ACTIVE', startsOn: '2026-01-01' },
          today,
        ),
      ),
    ).toEqual([]);
  });

  it('needs a reason to cancel, and refuses leaving a final status or skipping ahead', () => {
    expect(
      fieldsOf(() =>
        validateStatusChange(
          { activityId: 'a', status: 'CANCELLED' },
          { status: 'ACTIVE', startsOn: '2026-01-01' },
          today,
        ),
      ),
    ).toEqual(['input.reason']);
    expect(
      fieldsOf(() =>
        validateStatusChange(
          { activityId: 'a', status: 'ACTIVE' },
          { status: 'CANCELLED', startsOn: '2026-01-01' },
          today,
        ),
      ),
    ).toEqual(['input.status']);
    expect(
      fieldsOf(() =>
        validateStatusChange(
          { activityId: 'a', status: 'COMPLETED' },
          { status: 'PLANNED', startsOn: '2026-01-01' },
          today,
        ),
      ),
    ).toEqual(['input.status']);
    expect(
      fieldsOf(() =>
        validateStatusChange(
          { activityId: 'a', status: 'ACTIVE' },
          { status: 'PLANNED', startsOn: '2026-12-01' },
          today,
        ),
      ),
    ).toEqual(['input.status']);
  });
});
