import { fieldsOf } from './__tests__/problems';
import {
  validateClose,
  validateGoalStatus,
  validateNewPlan,
  validateRevision,
  type CreateFamilyPlanInput,
  type NewPlanFacts,
  type RevisionFacts,
} from './family-plan';
import { addWeeks } from './plan-rules';

const MOTHER = '11111111-1111-4111-8111-111111111111';
const CHILD = '22222222-2222-4222-8222-222222222222';
const STRANGER = '33333333-3333-4333-8333-333333333333';
const FAMILY = '44444444-4444-4444-8444-444444444444';
const GOAL_A = '55555555-5555-4555-8555-555555555555';
const GOAL_B = '66666666-6666-4666-8666-666666666666';

const facts: NewPlanFacts = {
  familyId: FAMILY,
  familyStatus: 'ACTIVE',
  memberIds: new Set([MOTHER, CHILD]),
  assessmentFamilyId: null,
  openPlanVersion: null,
};

const plan = (over: Partial<CreateFamilyPlanInput> = {}): CreateFamilyPlanInput => ({
  familyId: FAMILY,
  startsOn: '2026-01-01',
  followUpCadenceWeeks: 8,
  phases: [
    { name: 'Fase 1', startsOn: '2026-01-01', endsOn: '2026-06-30', focus: 'Stabilisering' },
    { name: 'Fase 2', startsOn: '2026-07-01', endsOn: '2026-12-31', focus: 'Beskæftigelse' },
  ],
  goals: [
    { memberId: MOTHER, description: 'Mette works 15 hours a week', targetDate: '2026-12-31' },
    { description: 'The family eats together 5 days a week', targetDate: '2026-06-30' },
  ],
  ...over,
});

describe('validateNewPlan', () => {
  it('accepts a plan with member and family goals, phases in time order', () => {
    const valid = validateNewPlan(plan({ phases: [...plan().phases].reverse() }), facts);
    expect(valid.phases.map((p) => p.name)).toEqual(['Fase 1', 'Fase 2']);
    expect(valid.goals.map((g) => [g.id, g.memberId])).toEqual([
      [null, MOTHER],
      [null, null],
    ]);
  });

  it('refuses a second open plan and a closed family', () => {
    expect(fieldsOf(() => validateNewPlan(plan(), { ...facts, openPlanVersion: 2 }))).toEqual(['input.familyId']);
    expect(fieldsOf(() => validateNewPlan(plan(), { ...facts, familyStatus: 'CLOSED' }))).toEqual(['input.familyId']);
  });

  it('reports every problem with its field path', () => {
    const fields = fieldsOf(() =>
      validateNewPlan(
        plan({
          followUpCadenceWeeks: 0,
          basedOnAssessmentId: GOAL_A,
          phases: [
            { name: '', startsOn: '2026-03-01', endsOn: '2026-02-01', focus: '' },
            { name: 'A', startsOn: '2025-12-01', endsOn: '2026-04-01', focus: '' },
            { name: 'B', startsOn: '2026-04-01', endsOn: '2026-08-01', focus: '' },
          ],
          goals: [
            { memberId: STRANGER, description: 'x', targetDate: '2026-05-01' },
            { description: ' ', targetDate: '2025-12-31' },
          ],
        }),
        facts,
      ),
    );
    expect(fields).toEqual([
      'input.followUpCadenceWeeks',
      'input.basedOnAssessmentId',
      'input.phases[0].name',
      'input.phases[0].endsOn',
      'input.phases[1].startsOn',
      'input.phases[2].startsOn',
      'input.goals[0].memberId',
      'input.goals[1].description',
      'input.goals[1].targetDate',
    ]);
  });

  it('finds overlapping phases even when they touch on one day', () => {
    const phases = [
      { name: 'A', startsOn: '2026-01-01', endsOn: '2026-06-30', focus: '' },
      { name: 'B', startsOn: '2026-06-30', endsOn: '2026-12-31', focus: '' },
    ];
    expect(fieldsOf(() => validateNewPlan(plan({ phases }), facts))).toEqual(['input.phases[1].startsOn']);
  });

  it('needs a goal, and accepts an assessment of the same family', () => {
    expect(fieldsOf(() => validateNewPlan(plan({ goals: [] }), facts))).toEqual(['input.goals']);
    expect(
      fieldsOf(() => validateNewPlan(plan({ basedOnAssessmentId: GOAL_A }), { ...facts, assessmentFamilyId: FAMILY })),
    ).toEqual([]);
  });
});

describe('validateRevision', () => {
  const current: RevisionFacts = {
    ...facts,
    plan: { status: 'OPEN', startsOn: '2026-01-01', followUpCadenceWeeks: 8, basedOnAssessmentId: null, version: 1 },
    phases: [{ name: 'Fase 1', startsOn: '2026-01-01', endsOn: '2026-06-30', focus: '' }],
    goals: [
      { id: GOAL_A, memberId: MOTHER, description: 'Work 15 hours', targetDate: '2026-12-31' },
      { id: GOAL_B, memberId: CHILD, description: 'School every day', targetDate: '2026-03-01' },
    ],
    goalsServedByOpenActivities: new Set([GOAL_B]),
  };

  it('keeps what is left out, rewords kept goals, adds new ones and lists the removed', () => {
    const valid = validateRevision(
      {
        planId: 'p',
        reason: 'Mette started in praktik',
        followUpCadenceWeeks: 6,
        goals: [
          { id: GOAL_B, memberId: CHILD, description: 'School 4 days a week', targetDate: '2026-06-30' },
          { description: 'New family goal', targetDate: '2026-09-01' },
        ],
      },
      { ...current, goalsServedByOpenActivities: new Set() },
    );
    expect(valid.startsOn).toBe('2026-01-01');
    expect(valid.followUpCadenceWeeks).toBe(6);
    expect(valid.phases).toHaveLength(1);
    expect(valid.goals.map((g) => g.id)).toEqual([GOAL_B, null]);
    expect(valid.removedGoalIds).toEqual([GOAL_A]);
  });

  it('refuses unknown goal ids, repeated ids, removing a goal an activity serves, and a closed plan', () => {
    const fields = fieldsOf(() =>
      validateRevision(
        {
          planId: 'p',
          reason: '',
          goals: [
            { id: GOAL_A, description: 'a', targetDate: '2026-12-31' },
            { id: GOAL_A, description: 'a', targetDate: '2026-12-31' },
            { id: STRANGER, description: 'b', targetDate: '2026-12-31' },
          ],
        },
        { ...current, plan: { ...current.plan, status: 'CLOSED' } },
      ),
    );
    expect(fields).toEqual(['input.planId', 'input.reason', 'input.goals[1].id', 'input.goals[2].id', 'input.goals']);
  });

  it('blames a new start date for kept phases and goals that no longer fit', () => {
    expect(fieldsOf(() => validateRevision({ planId: 'p', reason: 'later', startsOn: '2026-04-01' }, current))).toEqual(
      ['input.startsOn', 'input.startsOn'],
    );
  });
});

describe('validateClose and validateGoalStatus', () => {
  const open = {
    status: 'OPEN' as const,
    startsOn: '2026-01-01',
    followUpCadenceWeeks: 8,
    basedOnAssessmentId: null,
    version: 1,
  };

  it('closes an open plan without running activities', () => {
    expect(
      validateClose(
        { planId: 'p', closedOn: '2026-11-01', reason: 'Done' },
        { plan: open, openActivities: 0 },
        '2026-11-22',
      ),
    ).toEqual({
      closedOn: '2026-11-01',
      reason: 'Done',
    });
  });

  it('refuses running activities, dates outside the plan and a missing reason', () => {
    expect(
      fieldsOf(() =>
        validateClose(
          { planId: 'p', closedOn: '2025-12-01', reason: '' },
          { plan: open, openActivities: 2 },
          '2026-11-22',
        ),
      ),
    ).toEqual(['input.planId', 'input.closedOn', 'input.reason']);
    expect(
      fieldsOf(() =>
        validateClose(
          { planId: 'p', closedOn: '2026-12-01', reason: 'x' },
          { plan: open, openActivities: 0 },
          '2026-11-22',
        ),
      ),
    ).toEqual(['input.closedOn']);
  });

  it('sets a goal status only on a current goal of an open plan', () => {
    expect(
      fieldsOf(() => validateGoalStatus({ goalId: 'g', status: 'ACHIEVED' }, { planStatus: 'CLOSED', removed: true })),
    ).toEqual(['input.goalId', 'input.goalId']);
  });
});

describe('addWeeks', () => {
  it('counts calendar weeks across months, years and leap days', () => {
    expect(addWeeks('2026-01-01', 8)).toBe('2026-02-26');
    expect(addWeeks('2026-12-20', 2)).toBe('2027-01-03');
    expect(addWeeks('2028-02-22', 1)).toBe('2028-02-29');
  });
});
