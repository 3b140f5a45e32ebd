import { queryDatabase } from '@helhed/testing';
import {
  ADD_ACTIVITY,
  CREATE_PLAN,
  activityInput,
  familyDept,
  health,
  jobcenter,
  planInput,
  startPlanKit,
  type Member,
  type PlanKit,
} from '../plan/__tests__/plan-kit';

/** Follow-ups on the plan and its activities, through the gateway on real databases. */
let kit: PlanKit;
let parent: Member;
let child: Member;
let planId: string;
let workGoal: string;
let familyGoal: string;
let activityId: string;

const PLAN_FOLLOW_UP = `mutation($input: PlanFollowUpInput!) { planFollowUp(input: $input) {
  id plannedOn heldOn plan { id } activity { id } participants { id department } otherParticipants } }`;
const RECORD = `mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) {
  id plannedOn heldOn outcome participants { id } otherParticipants
  goalProgress { goal { id status } status note }
  activity { id nextFollowUpDue } plan { id nextFollowUpDue } } }`;
const GOALS = `query($id: ID!) { familyPlan(id: $id) { nextFollowUpDue followUps { id heldOn }
  goals { id status statusChanges { from to changedOn followUp { id heldOn } } }
  activities { id nextFollowUpDue followUps { id plannedOn heldOn } } } }`;

beforeAll(async () => {
  kit = await startPlanKit();
  const family = await kit.createFamily('FU-1', 1, 1);
  [parent, child] = family.members as [Member, Member];
  const { createFamilyPlan: plan } = await kit.stack.graph.request(familyDept, CREATE_PLAN, {
    input: planInput(family.id, parent.id),
  });
  planId = plan.id;
  [workGoal, familyGoal] = plan.goals.map((g: { id: string }) => g.id);
  const { addPlanActivity } = await kit.stack.graph.request(jobcenter, ADD_ACTIVITY, {
    input: activityInput(planId, [parent.id], kit.caseworkers.jobcenter, { goalId: workGoal }),
  });
  activityId = addPlanActivity.id;
});

afterAll(async () => {
  await kit?.close();
});

describe('follow-ups on an activity', () => {
  it('refuses a follow-up before the activity starts, planned or held', async () => {
    await kit.refused(PLAN_FOLLOW_UP, { activityId, plannedOn: '2026-03-01' }, 'input.plannedOn', jobcenter);
    const error = await kit.refused(
      RECORD,
      { activityId, heldOn: '2026-02-15', outcome: 'Forsamtale' },
      'input.heldOn',
      jobcenter,
    );
    expect(error.message).toMatch(/starts on 2026-03-02/);
  });

  it('refuses naming both the plan and the activity, and a held date in the future', async () => {
    await kit.refused(
      RECORD,
      { planId, activityId, heldOn: '2026-04-01', outcome: 'x' },
      'input.activityId',
      jobcenter,
    );
    await kit.refused(RECORD, { activityId, heldOn: '2099-01-01', outcome: 'x' }, 'input.heldOn', jobcenter);
  });

  it('plans a follow-up with participants; planning does not move the next one due', async () => {
    const { planFollowUp } = await kit.stack.graph.request(jobcenter, PLAN_FOLLOW_UP, {
      input: {
        activityId,
        plannedOn: '2026-03-30',
        participantIds: [kit.caseworkers.jobcenter, kit.caseworkers.family],
        otherParticipants: ['Mette (borger)', 'Praktikvært'],
      },
    });
    expect(planFollowUp).toMatchObject({
      plannedOn: '2026-03-30',
      heldOn: null,
      plan: { id: planId },
      activity: { id: activityId },
      participants: [
        { id: kit.caseworkers.jobcenter, department: 'JOBCENTER' },
        { id: kit.caseworkers.family, department: 'FAMILY' },
      ],
      otherParticipants: ['Mette (borger)', 'Praktikvært'],
    });
    const { familyPlan } = await kit.stack.graph.request(jobcenter, GOALS, { id: planId });
    expect(familyPlan.activities[0].nextFollowUpDue).toBe('2026-03-30');
  });

  it('records the planned follow-up as held: goal progress sets the goal status, and the next one moves', async () => {
    const { familyPlan: before } = await kit.stack.graph.request(jobcenter, GOALS, { id: planId });
    const planned = before.activities[0].followUps[0];
    const { recordFollowUp: held } = await kit.stack.graph.request(jobcenter, RECORD, {
      input: {
        followUpId: planned.id,
        heldOn: '2026-04-02',
        outcome: 'Godt i gang; mødt alle dage',
        goalProgress: [{ goalId: workGoal, status: 'PROGRESSING', note: '12 timer om ugen nu' }],
      },
    });
    expect(held).toMatchObject({
      id: planned.id,
      plannedOn: '2026-03-30',
      heldOn: '2026-04-02',
      participants: [{ id: kit.caseworkers.jobcenter }, { id: kit.caseworkers.family }],
      otherParticipants: ['Mette (borger)', 'Praktikvært'],
      goalProgress: [
        { goal: { id: workGoal, status: 'PROGRESSING' }, status: 'PROGRESSING', note: '12 timer om ugen nu' },
      ],
      // Four weeks from the day it was held.
      activity: { id: activityId, nextFollowUpDue: '2026-04-30' },
      // A follow-up on an activity does not move the plan's own follow-up.
      plan: { id: planId, nextFollowUpDue: '2026-02-26' },
    });
    const { familyPlan } = await kit.stack.graph.request(jobcenter, GOALS, { id: planId });
    expect(familyPlan.goals.find((g: { id: string }) => g.id === workGoal).statusChanges).toEqual([
      {
        from: 'NOT_STARTED',
        to: 'PROGRESSING',
        changedOn: '2026-04-02',
        followUp: { id: planned.id, heldOn: '2026-04-02' },
      },
    ]);
  });

  it('refuses recording the same follow-up twice', async () => {
    const { familyPlan } = await kit.stack.graph.request(jobcenter, GOALS, { id: planId });
    const followUpId = familyPlan.activities[0].followUps[0].id;
    await kit.refused(RECORD, { followUpId, heldOn: '2026-04-03', outcome: 'Igen' }, 'input.followUpId', jobcenter);
  });

  it('records one directly; an older follow-up recorded later does not undo a newer judgement', async () => {
    const { recordFollowUp } = await kit.stack.graph.request(jobcenter, RECORD, {
      input: {
        activityId,
        heldOn: '2026-03-16',
        outcome: 'Første samtale, registreret for sent',
        participantIds: [kit.caseworkers.jobcenter],
        goalProgress: [{ goalId: workGoal, status: 'NOT_STARTED' }],
      },
    });
    expect(recordFollowUp).toMatchObject({
      plannedOn: '2026-03-16',
      goalProgress: [{ goal: { status: 'PROGRESSING' }, status: 'NOT_STARTED' }],
      // The latest held follow-up still counts: 2026-04-02 + 4 weeks.
      activity: { nextFollowUpDue: '2026-04-30' },
    });
  });

  it('refuses progress for a goal that is not in the plan, and an unknown participant', async () => {
    await kit.refused(
      RECORD,
      { activityId, heldOn: '2026-05-01', outcome: 'x', goalProgress: [{ goalId: activityId, status: 'ACHIEVED' }] },
      'input.goalProgress[0].goalId',
      jobcenter,
    );
    await kit.refused(
      RECORD,
      { activityId, heldOn: '2026-05-01', outcome: 'x', participantIds: [kit.caseworkers.far] },
      'input.participantIds[0]',
      jobcenter,
    );
  });

  it("is written by the activity's department or the family department", async () => {
    const res = await kit.stack.post(health, RECORD, { input: { activityId, heldOn: '2026-05-01', outcome: 'x' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('follow-ups on the plan', () => {
  it('refuses one before the plan starts', async () => {
    await kit.refused(PLAN_FOLLOW_UP, { planId, plannedOn: '2025-12-15' }, 'input.plannedOn');
  });

  it('moves the plan follow-up due and sets goal statuses, with history', async () => {
    const { recordFollowUp } = await kit.stack.graph.request(familyDept, RECORD, {
      input: {
        planId,
        heldOn: '2026-03-05',
        outcome: 'Familiemøde: spiser sammen 3 dage',
        otherParticipants: ['Mette', 'Oskar'],
        goalProgress: [
          { goalId: familyGoal, status: 'PROGRESSING' },
          { goalId: workGoal, status: 'PROGRESSING' },
        ],
      },
    });
    // Eight weeks from the day it was held.
    expect(recordFollowUp.plan.nextFollowUpDue).toBe('2026-04-30');
    expect(recordFollowUp.activity).toBeNull();
    const { familyPlan } = await kit.stack.graph.request(familyDept, GOALS, { id: planId });
    expect(familyPlan.nextFollowUpDue).toBe('2026-04-30');
    expect(familyPlan.followUps).toEqual([{ id: recordFollowUp.id, heldOn: '2026-03-05' }]);
    const family = familyPlan.goals.find((g: { id: string }) => g.id === familyGoal);
    expect(family).toMatchObject({
      status: 'PROGRESSING',
      statusChanges: [{ from: 'NOT_STARTED', to: 'PROGRESSING' }],
    });
    // The work goal was already PROGRESSING: no second change.
    expect(familyPlan.goals.find((g: { id: string }) => g.id === workGoal).statusChanges).toHaveLength(1);

    const history = await queryDatabase(
      kit.stack.databases.family.url,
      `SELECT entity, operation FROM change_record WHERE entity_id IN ($1, $2) ORDER BY id`,
      [recordFollowUp.id, familyGoal],
    );
    expect(history).toEqual(
      expect.arrayContaining([
        { entity: 'FollowUp', operation: 'CREATE' },
        { entity: 'PlanGoal', operation: 'STATUS' },
      ]),
    );
  });

  it('records a follow-up for a child goal set by the family department', async () => {
    const { reviseFamilyPlan } = await kit.stack.graph.request(
      familyDept,
      `mutation($input: ReviseFamilyPlanInput!) { reviseFamilyPlan(input: $input) { goals { id member { id } } } }`,
      {
        input: {
          planId,
          reason: 'Mål for barnet',
          goals: [
            { id: workGoal, memberId: parent.id, description: 'Arbejder 15 timer om ugen', targetDate: '2026-12-31' },
            { id: familyGoal, description: 'Familien spiser sammen 5 dage om ugen', targetDate: '2026-06-30' },
            { memberId: child.id, description: 'Trives i skolen', targetDate: '2026-12-31' },
          ],
        },
      },
    );
    const childGoal = reviseFamilyPlan.goals[2].id;
    const { recordFollowUp } = await kit.stack.graph.request(familyDept, RECORD, {
      input: {
        planId,
        heldOn: '2026-05-01',
        outcome: 'Skolen melder fremgang',
        goalProgress: [{ goalId: childGoal, status: 'ACHIEVED' }],
      },
    });
    expect(recordFollowUp.goalProgress).toEqual([
      { goal: { id: childGoal, status: 'ACHIEVED' }, status: 'ACHIEVED', note: null },
    ]);
    expect(recordFollowUp.plan.nextFollowUpDue).toBe('2026-06-26');
  });
});
